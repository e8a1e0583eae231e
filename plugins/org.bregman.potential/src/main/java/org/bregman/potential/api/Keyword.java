package org.bregman.potential.api;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * An enum whose constants are words of the language (a loss, a stopping metric): the word is the constant's name in
 * lower camel case, {@code CROSS_ENTROPY} is {@code crossEntropy}.
 */
public interface Keyword {

    /** The constant's name ({@link Enum#name()}). */
    String name();

    /** The word the language writes for this constant. */
    default String keyword() {
        StringBuilder b = new StringBuilder();
        boolean upper = false;
        for (char ch : name().toCharArray()) {
            if (ch == '_') {
                upper = true;
                continue;
            }
            b.append(upper ? ch : Character.toLowerCase(ch));
            upper = false;
        }
        return b.toString();
    }

    /** The constant of {@code type} written {@code word}; another word is a clear error naming the known ones ({@code what}: "loss"). */
    static <E extends Enum<E> & Keyword> E of(Class<E> type, String word, String what) {
        for (E e : type.getEnumConstants()) if (e.keyword().equals(word)) return e;
        throw new IllegalArgumentException("unknown " + what + " '" + word + "'; known: "
                + Arrays.stream(type.getEnumConstants()).map(Keyword::keyword).collect(Collectors.joining(", ")));
    }
}
