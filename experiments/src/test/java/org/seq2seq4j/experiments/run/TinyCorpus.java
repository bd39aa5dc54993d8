package org.seq2seq4j.experiments.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A tiny seeded English–French TSV corpus for tests, written like the Tatoeba file ({@code English<TAB>French<TAB>
 * attribution}): sentences of one to four words from a ten-word dictionary, the French side with a curly apostrophe
 * ({@code l’}) and a no-break space before {@code !}, so that its raw text differs from its detokenized tokens. After
 * the good pairs come one line without a tab (a bad line) and one pair of eight words (for a length filter to remove).
 */
public final class TinyCorpus {

    private static final String[] ENGLISH = {"cat", "dog", "man", "sleeps", "eats", "runs", "here", "now", "big",
            "small"};
    private static final String[] FRENCH = {"chat", "chien", "homme", "dort", "mange", "court", "ici", "maintenant",
            "grand", "petit"};

    /** The line without a tab. */
    public static final String BAD_LINE = "no tab on this line";

    private TinyCorpus() {
    }

    /**
     * Writes {@code pairs} good pairs, then the bad line and the long pair.
     *
     * @return the raw French sentences of the good pairs and the long pair, in file order
     */
    public static List<String> write(Path file, int pairs, long seed) throws IOException {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>();
        List<String> french = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            int length = 1 + random.nextInt(4);
            StringBuilder en = new StringBuilder("The");
            StringBuilder fr = new StringBuilder("L’");
            for (int w = 0; w < length; w++) {
                int word = random.nextInt(ENGLISH.length);
                en.append(' ').append(ENGLISH[word]);
                fr.append(w == 0 ? "" : " ").append(FRENCH[word]);
            }
            boolean exclamation = random.nextBoolean();
            en.append(exclamation ? "!" : ".");
            fr.append(exclamation ? "\u00a0!" : ".");
            lines.add(en + "\t" + fr + "\tCC-BY 2.0 (France) Attribution: tatoeba.org");
            french.add(fr.toString());
        }
        lines.add(BAD_LINE);
        lines.add("The big big big small small dog runs.\tL’grand grand grand petit petit chien court.\tx");
        french.add("L’grand grand grand petit petit chien court.");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return french;
    }
}
