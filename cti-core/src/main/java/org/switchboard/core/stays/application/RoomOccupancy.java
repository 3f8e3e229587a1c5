package org.switchboard.core.stays.application;

import org.switchboard.core.stays.infrastructure.StayRepository;

import java.util.Optional;

/** Whether a room has a guest in house; empty while no guest stays are kept here at all (any room counts). */
@FunctionalInterface
public interface RoomOccupancy {

    Optional<Boolean> occupied(String room);

    static RoomOccupancy of(StayRepository stays) {
        return room -> stays.keepsStays() ? Optional.of(stays.isOccupied(room)) : Optional.empty();
    }
}
