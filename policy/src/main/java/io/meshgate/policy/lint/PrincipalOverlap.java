package io.meshgate.policy.lint;

import io.meshgate.policy.model.PrincipalMatch;

/**
 * Whether two rules can apply to the same principal. Group and role memberships are not known at
 * lint time, so only what is certain rules an overlap out: two disjoint lists of users only, or a
 * rule whose principals are all exempt from the other ({@code except}).
 */
final class PrincipalOverlap {
    private PrincipalOverlap() {
    }

    /** For rules that apply to {@code to} minus {@code except} (a grant's except is nobody). */
    static boolean possible(PrincipalMatch to1, PrincipalMatch except1, PrincipalMatch to2, PrincipalMatch except2) {
        if (usersOnly(to1) && usersOnly(to2) && to1.users().stream().noneMatch(to2.users()::contains)) {
            return false;
        }
        return !exempt(to2, except1) && !exempt(to1, except2);
    }

    private static boolean usersOnly(PrincipalMatch match) {
        return !match.all() && match.groups().isEmpty() && match.roles().isEmpty();
    }

    /** Every principal of {@code to} is in {@code except}. */
    private static boolean exempt(PrincipalMatch to, PrincipalMatch except) {
        return !to.all() && !to.isEmpty() && except.users().containsAll(to.users()) && except.groups().containsAll(to.groups())
                && except.roles().containsAll(to.roles());
    }
}
