package io.meshgate.engine.product;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What one source says about a data product (its table's properties, or a product file), field
 * by field; a field the source does not set is empty. Sources are layered with
 * {@link #overriddenBy}.
 *
 * @param owner        the team or person answerable for the product
 * @param contact      where to ask about it (an address, a channel)
 * @param description  what it contains
 * @param freshnessSla how old its latest snapshot may get before the product is late
 * @param version      its version as its owner numbers it
 * @param status       where it is in its life
 * @param sunset       the last day a deprecated product answers
 * @param access       how to request access to it
 */
public record ProductFields(
        Optional<String> owner,
        Optional<String> contact,
        Optional<String> description,
        Optional<Duration> freshnessSla,
        Optional<String> version,
        Optional<ProductStatus> status,
        Optional<LocalDate> sunset,
        Optional<String> access) {
    /** A source that says nothing. */
    public static final ProductFields NONE = new ProductFields(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public ProductFields {
        requireNonNull(owner, "owner is null");
        requireNonNull(contact, "contact is null");
        requireNonNull(description, "description is null");
        requireNonNull(freshnessSla, "freshnessSla is null");
        requireNonNull(version, "version is null");
        requireNonNull(status, "status is null");
        requireNonNull(sunset, "sunset is null");
        requireNonNull(access, "access is null");
    }

    /** These fields with every field that {@code other} sets taken from {@code other} instead. */
    public ProductFields overriddenBy(ProductFields other) {
        requireNonNull(other, "other is null");
        return new ProductFields(other.owner.or(() -> owner), other.contact.or(() -> contact), other.description.or(() -> description),
                other.freshnessSla.or(() -> freshnessSla), other.version.or(() -> version), other.status.or(() -> status),
                other.sunset.or(() -> sunset), other.access.or(() -> access));
    }

    public ProductFields withOwner(String value) {
        return new ProductFields(Optional.of(value), contact, description, freshnessSla, version, status, sunset, access);
    }

    public ProductFields withContact(String value) {
        return new ProductFields(owner, Optional.of(value), description, freshnessSla, version, status, sunset, access);
    }

    public ProductFields withDescription(String value) {
        return new ProductFields(owner, contact, Optional.of(value), freshnessSla, version, status, sunset, access);
    }

    public ProductFields withFreshnessSla(Duration value) {
        return new ProductFields(owner, contact, description, Optional.of(value), version, status, sunset, access);
    }

    public ProductFields withVersion(String value) {
        return new ProductFields(owner, contact, description, freshnessSla, Optional.of(value), status, sunset, access);
    }

    public ProductFields withStatus(ProductStatus value) {
        return new ProductFields(owner, contact, description, freshnessSla, version, Optional.of(value), sunset, access);
    }

    public ProductFields withSunset(LocalDate value) {
        return new ProductFields(owner, contact, description, freshnessSla, version, status, Optional.of(value), access);
    }

    public ProductFields withAccess(String value) {
        return new ProductFields(owner, contact, description, freshnessSla, version, status, sunset, Optional.of(value));
    }
}
