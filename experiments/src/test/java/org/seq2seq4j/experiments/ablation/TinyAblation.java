package org.seq2seq4j.experiments.ablation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A tiny copy-task base experiment and ablation files over it, written into a temporary directory. */
final class TinyAblation {

    private TinyAblation() {
    }

    static Path base(Path dir) throws IOException {
        Path file = dir.resolve("base.json");
        Files.writeString(file, """
                {
                  "schema": 1,
                  "name": "tiny-copy",
                  "data": {"type": "toy", "task": {"type": "copy", "minLength": 1, "maxLength": 12, "alphabetSize": 4},
                           "trainSize": 120, "devSize": 20, "testSize": 30, "tokenizer": "char"},
                  "model": {"embeddingSize": 8, "hiddenSize": 8, "dropout": 0.1},
                  "training": {"epochs": 2, "batchSize": 32},
                  "decoding": {"maxLength": 16, "batchSize": 16}
                }
                """);
        return file;
    }

    /** An ablation over {@code axes} (JSON object text) with seeds 1 and 2 writing into {@code dir/out}. */
    static Path ablation(Path dir, String axes) throws IOException {
        base(dir);
        Path file = dir.resolve("ablation.json");
        Files.writeString(file, """
                {
                  "schema": 1,
                  "name": "tiny",
                  "base": "base.json",
                  "set": {"training.epochs": 1},
                  "axes": %s,
                  "seeds": [1, 2],
                  "outputDir": "%s"
                }
                """.formatted(axes, dir.resolve("out").toString().replace("\\", "\\\\")));
        return file;
    }
}
