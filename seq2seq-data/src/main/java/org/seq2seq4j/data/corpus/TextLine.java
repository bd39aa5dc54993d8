package org.seq2seq4j.data.corpus;

/**
 * One physical line of a corpus file, without its line terminator.
 *
 * @param number        the 1-based line number
 * @param text          the decoded text; if the line is not valid UTF-8, decoded with U+FFFD replacements (ASCII
 *                      characters such as tabs, commas and quotes are still exact, so structure can be followed)
 * @param encodingError {@code null} for valid UTF-8, otherwise where the first malformed byte is
 */
record TextLine(long number, String text, String encodingError) {

    /** @return whether the line is not valid UTF-8 */
    boolean malformed() {
        return encodingError != null;
    }
}
