package org.switchboard.core.stays.model;

import org.switchboard.billing.money.Money;

import java.time.Instant;

/** A guest in house: account, name, room, since when, and whose account pays (a sharer's main account). */
public record InHouse(String accountId, String name, String room, Instant since, String paidBy, Money deposit) {
}
