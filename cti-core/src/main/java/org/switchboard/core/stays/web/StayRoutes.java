package org.switchboard.core.stays.web;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.switchboard.billing.money.Money;
import org.switchboard.core.api.ApiJson;
import org.switchboard.core.api.ApiRoutes;
import org.switchboard.core.api.Route;
import org.switchboard.core.api.Route.Access;
import org.switchboard.core.stays.application.StayDesk;

import java.util.List;
import java.util.Map;

import static org.switchboard.core.api.ApiJson.required;
import static org.switchboard.core.api.ApiJson.respond;

/**
 * Guest stays over HTTP, as the CLI's {@code checkin}/{@code move}/{@code checkout}: {@code GET /api/stays};
 * {@code POST /api/stays/checkin} {@code {"room","account","name","deposit","sharerOf"}},
 * {@code POST /api/stays/move} {@code {"account","toRoom"}}, {@code POST /api/stays/checkout} {@code {"account"}}.
 * Refusals answer 422; malformed input 400 naming the field.
 */
public final class StayRoutes implements ApiRoutes {

    public record CheckInBody(String room, String account, String name, String deposit, String sharerOf) {
    }

    public record MoveBody(String account, String toRoom) {
    }

    public record AccountBody(String account) {
    }

    private final StayDesk stays;
    private final Runnable stayChanged;
    private final String currency;

    /** {@code stayChanged} runs after each change (the class of service follows at once). */
    public StayRoutes(StayDesk stays, Runnable stayChanged, String currency) {
        this.stays = stays;
        this.stayChanged = stayChanged;
        this.currency = currency;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/api/stays", Access.STAFF, r -> respond(HttpResponseStatus.OK, Map.of("inHouse", stays.inHouse()))),
                Route.post("/api/stays/checkin", Access.OPERATOR, r -> done(checkIn(r.body(CheckInBody.class)))),
                Route.post("/api/stays/move", Access.OPERATOR, r -> {
                    MoveBody b = r.body(MoveBody.class);
                    return done(stays.move(required(b.account(), "account"), required(b.toRoom(), "toRoom")));
                }),
                Route.post("/api/stays/checkout", Access.OPERATOR,
                        r -> done(stays.checkOut(required(r.body(AccountBody.class).account(), "account")))));
    }

    private String checkIn(CheckInBody b) {
        String room = required(b.room(), "room");
        String account = required(b.account(), "account");
        String name = required(b.name(), "name");
        String deposit = b.deposit() == null || b.deposit().isBlank() ? "0" : b.deposit();
        Money money;
        try {
            money = Money.of(deposit, currency);
        } catch (IllegalArgumentException e) {
            throw new ApiJson.BadRequest(HttpResponseStatus.BAD_REQUEST, "deposit",
                    "'" + deposit + "' is not an amount in " + currency);
        }
        return stays.checkIn(account, name, room, money, b.sharerOf());
    }

    private FullHttpResponse done(String message) {
        stayChanged.run();
        return respond(HttpResponseStatus.OK, Map.of("message", message));
    }
}
