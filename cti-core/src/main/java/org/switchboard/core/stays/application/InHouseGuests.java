package org.switchboard.core.stays.application;

import org.switchboard.core.stays.model.InHouse;

import java.util.List;

/** Who is in house now, as the folio and the class of service ask it. */
public interface InHouseGuests {

    List<InHouse> inHouse();

    /** False while no guest stays are kept here at all (then every room counts as let). */
    boolean keepsStays();
}
