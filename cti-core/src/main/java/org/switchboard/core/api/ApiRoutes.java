package org.switchboard.core.api;

import java.util.List;

/** One capability's part of the API: its rows of the route table. */
public interface ApiRoutes {

    List<Route> routes();
}
