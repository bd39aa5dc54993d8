package org.seq2seq4j.core.eval;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code 13a} tokenizer that sacreBLEU applies before BLEU by default: the tokenization of the NIST/WMT scoring
 * script {@code mteval-v13a.pl}, as re-implemented in sacreBLEU 2.x ({@code sacrebleu/tokenizers/tokenizer_13a.py}
 * and {@code tokenizer_re.py}; Post 2018, "A Call for Clarity in Reporting BLEU Scores").
 *
 * <ol>
 *   <li>language-independent part: remove {@code <skipped>}, join {@code -\n} line breaks, turn the remaining
 *       newlines into spaces, unescape {@code &quot; &amp; &lt; &gt;} (in that order, once each);</li>
 *   <li>pad the line with one space on each side, then four regular-expression rules, each over the whole line:
 *       surround the ASCII symbols {@code {|}~ [\]^_` space!"#$%& ()*+ :;<=>?@ /} with spaces; split a period or comma
 *       from a preceding non-digit; split a period or comma from a following non-digit; split a dash from a
 *       preceding digit;</li>
 *   <li>collapse whitespace (Python's definition, see {@link PythonWhitespace}) to single spaces and trim.</li>
 * </ol>
 * So {@code "3.14"} and {@code "1,000"} stay whole, {@code "end."} becomes {@code "end ."}, {@code "1990-95"} becomes
 * {@code "1990 - 95"}, while the apostrophe and a dash between letters are left alone ({@code "wasn't"},
 * {@code "well-known"}).
 */
public final class Mteval13aTokenizer {

    /** The rules of {@code tokenizer_re.py}, applied in order; Java and Python agree on these patterns. */
    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("([{-~\\[-` -&(-+:-@/])"), " $1 "),
            new Rule(Pattern.compile("([^0-9])([.,])"), "$1 $2 "),
            new Rule(Pattern.compile("([.,])([^0-9])"), " $1 $2"),
            new Rule(Pattern.compile("([0-9])(-)"), "$1 $2 "));

    private record Rule(Pattern pattern, String replacement) {
    }

    /** The tokenized line: tokens separated by single spaces, no leading or trailing space. */
    public String tokenize(String line) {
        line = line.replace("<skipped>", "");
        line = line.replace("-\n", "");
        line = line.replace("\n", " ");
        if (line.indexOf('&') >= 0) {
            line = line.replace("&quot;", "\"");
            line = line.replace("&amp;", "&");
            line = line.replace("&lt;", "<");
            line = line.replace("&gt;", ">");
        }
        line = " " + line + " ";
        for (Rule rule : RULES) {
            line = rule.pattern().matcher(line).replaceAll(rule.replacement());
        }
        return String.join(" ", PythonWhitespace.split(line));
    }
}
