package org.switchboard.core.api;

import io.netty.handler.codec.http.HttpMethod;
import org.junit.jupiter.api.Test;
import org.switchboard.core.auth.model.Role;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouteTableTest {

    private static final Route.Handler NONE = r -> null;

    private final RouteTable table = new RouteTable(List.of(
            Route.get("/api/wakeups", Route.Access.STAFF, NONE),
            Route.post("/api/wakeups", Route.Access.OPERATOR, NONE),
            Route.get("/api/wakeups/report", Route.Access.STAFF, NONE),
            Route.put("/api/wakeups/{id}", Route.Access.OPERATOR, NONE),
            Route.delete("/api/wakeups/{id}", Route.Access.OPERATOR, NONE),
            Route.post("/api/wakeups/alarms/{callId}/acknowledge", Route.Access.OPERATOR, NONE),
            Route.post("/api/login", Route.Access.PUBLIC, NONE)));

    @Test
    void aLiteralSegmentWinsOverAVariableOne() {
        var report = assertInstanceOf(RouteTable.Found.class, table.match(HttpMethod.GET, "/api/wakeups/report"));
        assertEquals("/api/wakeups/report", report.route().template());
        var one = assertInstanceOf(RouteTable.Found.class, table.match(HttpMethod.PUT, "/api/wakeups/17"));
        assertEquals(Map.of("id", "17"), one.variables());
        var ack = assertInstanceOf(RouteTable.Found.class, table.match(HttpMethod.POST, "/api/wakeups/alarms/5/acknowledge"));
        assertEquals(Map.of("callId", "5"), ack.variables());
    }

    @Test
    void aServedPathWithAnotherMethodNamesTheMethodsItHas() {
        var wrong = assertInstanceOf(RouteTable.WrongMethod.class, table.match(HttpMethod.PATCH, "/api/wakeups"));
        assertEquals("GET, POST", RouteTable.names(wrong.allowed()));
        assertFalse(wrong.open(), "the wake-up routes need a login");
        // /report is its own path: DELETE there is 405, not the {id} route
        var report = assertInstanceOf(RouteTable.WrongMethod.class, table.match(HttpMethod.DELETE, "/api/wakeups/report"));
        assertEquals(List.of(HttpMethod.GET), report.allowed());
        assertTrue(assertInstanceOf(RouteTable.WrongMethod.class, table.match(HttpMethod.GET, "/api/login")).open());
    }

    @Test
    void unknownPathsEmptySegmentsAndDuplicateRoutesAreNotServed() {
        assertInstanceOf(RouteTable.NotFound.class, table.match(HttpMethod.GET, "/api/wakeup"));
        assertInstanceOf(RouteTable.NotFound.class, table.match(HttpMethod.PUT, "/api/wakeups/"));
        assertInstanceOf(RouteTable.NotFound.class, table.match(HttpMethod.PUT, "/api/wakeups/1/2"));
        assertThrows(IllegalStateException.class, () -> new RouteTable(List.of(
                Route.get("/api/x", Route.Access.STAFF, NONE), Route.get("/api/x", Route.Access.ADMIN, NONE))));
    }

    @Test
    void adminsMayCallEveryRouteThatNeedsALoginAndAnyoneThePublicOnes() {
        assertTrue(Route.Access.OPERATOR.allows(Role.ADMIN));
        assertFalse(Route.Access.OPERATOR.allows(Role.AUDITOR));
        assertFalse(Route.Access.ADMIN.allows(Role.OPERATOR));
        assertTrue(Route.Access.PUBLIC.allows(Role.AUDITOR));
    }
}
