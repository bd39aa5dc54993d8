package org.seq2seq4j.core.eval;

/**
 * How BLEU splits a line into words before counting n-grams; each choice names itself in the signature as sacreBLEU's
 * {@code --tokenize} option does. After tokenizing, words are the runs between whitespace (Python's definition, see
 * {@link PythonWhitespace}).
 */
public enum BleuTokenizer {

    /** {@code 13a}, sacreBLEU's default: {@link Mteval13aTokenizer}. For detokenized (raw) text. */
    MTEVAL_13A("13a"),

    /** {@code none}: the text is already tokenized; split on whitespace only. */
    NONE("none");

    private static final Mteval13aTokenizer THIRTEEN_A = new Mteval13aTokenizer();

    private final String signatureName;

    BleuTokenizer(String signatureName) {
        this.signatureName = signatureName;
    }

    /** The name in the sacreBLEU signature ({@code tok:13a}) and on its command line. */
    public String signatureName() {
        return signatureName;
    }

    /** The line with its tokens separated by whitespace. */
    public String tokenize(String line) {
        return switch (this) {
            case MTEVAL_13A -> THIRTEEN_A.tokenize(line);
            case NONE -> line;
        };
    }
}
