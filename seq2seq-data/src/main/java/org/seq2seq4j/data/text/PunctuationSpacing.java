package org.seq2seq4j.data.text;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How {@link WordTokenizer#detokenize(java.util.List)} spaces punctuation; {@code "english"} or {@code "french"} in
 * JSON. It only affects detokenization: both styles tokenize identically.
 */
public enum PunctuationSpacing {
    /**
     * Punctuation attaches to the word before it: {@code Va!}, {@code Wait: no}, {@code «Non»}.
     */
    @JsonProperty("english")
    ENGLISH,
    /**
     * French typography: a space before {@code ! ? ; :} and inside guillemets, {@code Va !}, {@code « Non »}; the
     * space is an ordinary ASCII space, not a no-break space. Full stops and commas attach as in English.
     */
    @JsonProperty("french")
    FRENCH
}
