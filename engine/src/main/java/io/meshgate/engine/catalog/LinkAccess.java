package io.meshgate.engine.catalog;

import static java.util.Objects.requireNonNull;

import io.meshgate.engine.policy.Governance;
import io.meshgate.engine.product.Product;
import io.meshgate.engine.product.Products;
import io.meshgate.policy.Principal;
import io.meshgate.policy.eval.AccessDecision;
import io.meshgate.policy.eval.AccessScope;
import io.meshgate.policy.eval.Denial;
import io.meshgate.policy.eval.RowRule;
import io.meshgate.spi.TableMetadata;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what a principal reads through resource links, layer by layer ({@link LinkPath}). The
 * access through a link is never more than any layer allows: a row shows when every layer keeps
 * it, a column when every layer shows it, and each layer sees only what the layer below shows, so
 * a grant on a link cannot filter on, or unmask, what the link's owner does not see. A principal
 * sees the table only when every layer makes it visible; a layer that denies queries (DESCRIBE
 * only, MASK_CONFLICT, a restriction that cannot be evaluated) denies them through the link, in
 * words that name the link only.
 */
final class LinkAccess {
    private final Governance governance;
    private final Products products;

    LinkAccess(Governance governance, Products products) {
        this.governance = requireNonNull(governance, "governance is null");
        this.products = requireNonNull(products, "products is null");
    }

    /**
     * What {@code caller} reads of {@code raw} (the table {@code target} of {@code domain}) through
     * {@code hops}, the name it used first; with no hops, a direct read. Empty when it may not see it.
     */
    Optional<VisibleTable> read(Principal caller, ObjectName shownName, List<Links.Hop> hops, Domain domain, ObjectName target, TableMetadata raw) {
        Set<Principal> restricted = new LinkedHashSet<>();
        restricted.add(caller);
        hops.forEach(hop -> restricted.add(owner(hop)));
        Principal producerGrantee = hops.isEmpty() ? caller : owner(hops.get(hops.size() - 1));
        AccessDecision decision = governance.decide(new AccessScope(producerGrantee, restricted, AccessScope.ObjectKind.TABLE), caller,
                target.domain(), target.schema(), target.table().orElseThrow(), raw);
        TableMetadata input = raw;
        Optional<Denial> denial = Optional.empty();
        List<LinkPath.Layer> below = new ArrayList<>();
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!decision.visible()) {
                return Optional.empty();
            }
            denial = denial.or(decision::denial);
            // Under a denial no column is shown: the layers above decide visibility only, over every column.
            TableMetadata shown = denial.isPresent() ? input : input.withSchema(CatalogView.visibleSchema(input, decision));
            below.add(new LinkPath.Layer(decision, shown.schema()));
            Principal grantee = i == 0 ? caller : owner(hops.get(i - 1));
            ObjectName name = hops.get(i).name();
            decision = governance.decide(new AccessScope(grantee, restricted, AccessScope.ObjectKind.LINK), caller,
                    name.domain(), name.schema(), name.table().orElseThrow(), shown);
            input = shown;
        }
        if (!decision.visible()) {
            return Optional.empty();
        }
        if (denial.isPresent()) {
            decision = denied(decision, renamed(denial.get(), shownName));
        }
        TableMetadata visible = input.withSchema(CatalogView.visibleSchema(input, decision));
        Optional<LinkPath> path = hops.isEmpty() ? Optional.empty() : Optional.of(new LinkPath(shownName.qualifiedName(),
                hops.stream().map(hop -> hop.name().qualifiedName()).toList(), target.qualifiedName(), raw.uuid(), below));
        Product product = products.of(domain.name(), target.schema(), target.table().orElseThrow(), raw.properties());
        return Optional.of(new VisibleTable(domain, target.schema(), target.table().orElseThrow(), visible, raw, decision, product, path));
    }

    private static Principal owner(Links.Hop hop) {
        return hop.link().owner().principal(hop.link().name());
    }

    /** The denial of a layer under the principal's, in words that name only the name the principal used. */
    private static Denial renamed(Denial denial, ObjectName name) {
        String reason = switch (denial.reason()) {
            case NO_SELECT -> "you may see it but not select from it (ask for a SELECT grant)";
            case POLICY_UNEVALUABLE -> "a restriction on it cannot be evaluated (ask the policy owners to fix the policy)";
            case MASK_CONFLICT -> "one of its columns has two different masks of the same strength (ask the policy owners to make one of them win)";
        };
        return new Denial(denial.reason(), "Cannot query " + name.qualifiedName() + ": " + reason);
    }

    private static AccessDecision denied(AccessDecision decision, Denial denial) {
        return new AccessDecision(decision.revision(), decision.table(), true, List.of(), new RowRule(List.of(), List.of()), Optional.of(denial),
                false, decision.grants(), decision.restrictions(), decision.dropped());
    }
}
