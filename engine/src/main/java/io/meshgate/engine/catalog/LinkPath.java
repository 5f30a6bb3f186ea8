package io.meshgate.engine.catalog;

import static java.util.Objects.requireNonNull;

import io.meshgate.policy.eval.AccessDecision;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * How one principal reads a table through resource links (POLICY.md section 4): the access is
 * decided in layers, one per object on the way, and the plan stacks one policy barrier per layer
 * over the target's scan. The first layer is the producer's: the grants of the last link's owner
 * on the target, on raw values. Each link then adds one: the grants of whoever reached that link
 * (an owner, or the principal on the name it used), over what the layer below shows. Every layer
 * applies the restrictions of the principal and of every owner on the way. The principal's own
 * layer, on the name it used, is {@link VisibleTable#decision()}; the layers under it are here.
 *
 * @param name   the name the principal used ({@code analytics.sales.orders})
 * @param via    the table names crossed, in the links' namespaces, that name first
 * @param target the table read, {@code domain.schema.table}
 * @param uuid   the target's UUID the links are bound to: another table under that name is not read
 * @param below  the layers under the principal's own, the producer's first
 */
public record LinkPath(String name, List<String> via, String target, String uuid, List<Layer> below) {
    public LinkPath {
        requireNonNull(name, "name is null");
        via = List.copyOf(requireNonNull(via, "via is null"));
        requireNonNull(target, "target is null");
        requireNonNull(uuid, "uuid is null");
        below = List.copyOf(requireNonNull(below, "below is null"));
        if (via.isEmpty() || below.isEmpty()) {
            throw new IllegalArgumentException("Cannot describe the path to " + target + " through links: it crosses none");
        }
    }

    /**
     * One layer: its decision, and the columns it shows (those its decision makes visible, in the
     * order of the layer below, nullable where cells may be masked or nulled).
     */
    public record Layer(AccessDecision decision, Schema shown) {
        public Layer {
            requireNonNull(decision, "decision is null");
            requireNonNull(shown, "shown is null");
        }
    }
}
