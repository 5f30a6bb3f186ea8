package io.meshgate.engine.catalog;

import io.meshgate.engine.planner.policy.PolicyBinder;
import io.meshgate.engine.policy.Governance;
import io.meshgate.engine.policy.TableDescriptors;
import io.meshgate.policy.Principal;
import io.meshgate.policy.load.GrantorCheck;
import io.meshgate.policy.load.LinkGrantor;
import io.meshgate.policy.model.ObjectRef;
import io.meshgate.policy.model.Permission;
import io.meshgate.policy.model.PolicySet;
import io.meshgate.spi.TableMetadata;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Describes, for a policy set about to be put in force, what each link's owner gets on the tables
 * reached through its link ({@link LinkGrantor}): the grantor's side of the consumer re-grants that
 * {@link GrantorCheck} checks (GRANT_EXCEEDS_GRANTOR). The owner's access is decided as it would be
 * at query time: on the link's target, through every further link, under {@code governance}'s
 * policy (the set's). Only names some grant names are described. A name that does not resolve now
 * (DANGLING, CYCLE, UNAVAILABLE) is skipped with a warning: nothing can be read through it, and its
 * grants are checked when a later policy change finds it bound.
 */
public final class LinkGrantors {
    private static final Logger LOG = LoggerFactory.getLogger(LinkGrantors.class);

    private LinkGrantors() {
    }

    public static List<LinkGrantor> of(MeshCatalog mesh, Governance governance, PolicySet set) {
        LinkAccess access = new LinkAccess(governance, mesh.products());
        List<LinkGrantor> grantors = new ArrayList<>();
        Predicate<String> any = name -> true;
        for (Links.LinkedName linked : mesh.links().names(Optional.empty(), any, any)) {
            ObjectName name = linked.name();
            ObjectRef ref = ObjectRef.table(name.domain(), name.schema(), name.table().orElseThrow());
            if (!GrantorCheck.named(set, ref)) {
                continue;
            }
            try {
                Links.Resolution resolution = mesh.links().resolve(linked);
                if (resolution.status() != LinkStatus.OK) {
                    LOG.warn("Grants on link {} are not checked against its owner: the link is {}", name, resolution.status());
                    continue;
                }
                grantors.add(grantor(access, governance, linked, ref, resolution.domain().orElseThrow(), resolution.table().orElseThrow()));
            } catch (RuntimeException e) {
                LOG.warn("Grants on link {} are not checked against its owner: {}", name, e.toString());
            }
        }
        return grantors;
    }

    /** The owner of the link giving {@code linked} reads its target through the links after its own. */
    private static LinkGrantor grantor(LinkAccess access, Governance governance, Links.LinkedName linked, ObjectRef ref, Domain domain,
            TableMetadata raw) {
        List<Links.Hop> further = linked.hops().subList(1, linked.hops().size());
        ObjectName target = linked.target().orElseThrow();
        Principal owner = linked.link().owner().principal(linked.link().name());
        Optional<VisibleTable> owned = access.read(owner, further.isEmpty() ? target : further.get(0).name(), further, domain, target, raw);
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        Set<String> visible = Set.of();
        TableMetadata ownerView = raw.withSchema(new Schema(List.of()));
        if (owned.isPresent()) {
            permissions.add(Permission.DESCRIBE);
            if (owned.get().decision().denial().isEmpty()) {
                permissions.add(Permission.SELECT);
                visible = owned.get().metadata().schema().getFields().stream().map(Field::getName).collect(Collectors.toSet());
                ownerView = owned.get().metadata();
            }
            if (further.isEmpty() && owned.get().decision().metadataRead()) {
                permissions.add(Permission.METADATA_READ);
            }
        }
        return new LinkGrantor(ref, target.qualifiedName(),
                TableDescriptors.of(target.domain(), target.schema(), target.table().orElseThrow(), raw).columns(), permissions, visible,
                new PolicyBinder(ownerView, () -> governance.policy().resolve(owner)));
    }
}
