package io.meshgate.engine.contract;

import java.time.Duration;

/** Durations as people read them: the two largest units, {@code 2d 3h}, {@code 6h}, {@code 5m 10s}, {@code 0s}. */
final class Ages {
    private Ages() {
    }

    static String text(Duration duration) {
        long seconds = duration.getSeconds();
        long[] amounts = {seconds / 86_400, seconds % 86_400 / 3_600, seconds % 3_600 / 60, seconds % 60};
        String[] units = {"d", "h", "m", "s"};
        StringBuilder text = new StringBuilder();
        int written = 0;
        for (int i = 0; i < amounts.length && written < 2; i++) {
            if (amounts[i] > 0) {
                text.append(text.isEmpty() ? "" : " ").append(amounts[i]).append(units[i]);
                written++;
            } else if (written > 0) {
                break;
            }
        }
        if (text.isEmpty()) {
            return duration.toMillis() > 0 ? duration.toMillis() + "ms" : "0s";
        }
        return text.toString();
    }
}
