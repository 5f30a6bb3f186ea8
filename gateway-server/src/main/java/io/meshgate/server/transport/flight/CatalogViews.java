package io.meshgate.server.transport.flight;

import io.meshgate.engine.catalog.CatalogView;
import io.meshgate.policy.Principal;

/** The mesh as one principal sees it, for listings (the engine's {@code catalogView}). */
@FunctionalInterface
public interface CatalogViews {
    CatalogView view(Principal principal);
}
