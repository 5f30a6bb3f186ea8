package io.meshgate.server.auth;

import static java.util.Objects.requireNonNull;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.meshgate.policy.Principal;
import io.meshgate.server.config.Password;
import io.meshgate.server.config.UserConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The users who may log in. A check takes about the same time whether the user exists or not,
 * and compares passwords in constant time.
 */
public final class UserDirectory {
    private final Map<String, UserConfig> users = new LinkedHashMap<>();
    /**
     * Checked when the user is unknown, so that an unknown name costs as much as a known one: a
     * configured bcrypt hash when there is one (a bcrypt check is slow), else a clear-text value.
     */
    private final Password unknownUserPassword;

    public UserDirectory(List<UserConfig> userList) {
        requireNonNull(userList, "userList is null");
        for (UserConfig user : userList) {
            if (users.putIfAbsent(user.name(), user) != null) {
                throw new IllegalArgumentException("Cannot build the user directory: user '" + user.name() + "' is defined twice");
            }
        }
        this.unknownUserPassword = userList.stream().map(UserConfig::password)
                .filter(p -> p instanceof Password.Bcrypt).findFirst()
                .orElse(new Password.Plain("\u0000unknown user\u0000"));
    }

    /** The principal when the name and password match a user, else empty. */
    public Optional<Principal> authenticate(String name, String password) {
        requireNonNull(name, "name is null");
        requireNonNull(password, "password is null");
        UserConfig user = users.get(name);
        boolean matches = verify(user == null ? unknownUserPassword : user.password(), password);
        if (user == null || !matches) {
            return Optional.empty();
        }
        return Optional.of(toPrincipal(user));
    }

    /** The principal of a user who logged in before (for a bearer token's peer identity). */
    public Optional<Principal> principal(String name) {
        return Optional.ofNullable(users.get(name)).map(UserDirectory::toPrincipal);
    }

    private static Principal toPrincipal(UserConfig user) {
        return new Principal(user.name(), user.groups());
    }

    private static boolean verify(Password stored, String candidate) {
        if (stored instanceof Password.Bcrypt bcrypt) {
            return BCrypt.verifyer().verify(candidate.toCharArray(), bcrypt.hash().toCharArray()).verified;
        }
        Password.Plain plain = (Password.Plain) stored;
        // Digests have one length, so the comparison time does not depend on the password's length.
        return MessageDigest.isEqual(sha256(plain.value()), sha256(candidate));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash passwords: the JDK has no SHA-256", e);
        }
    }
}
