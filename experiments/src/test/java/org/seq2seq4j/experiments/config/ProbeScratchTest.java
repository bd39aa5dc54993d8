package org.seq2seq4j.experiments.config;

import org.junit.jupiter.api.Test;
import org.seq2seq4j.core.config.ConfigException;
import java.util.List;

class ProbeScratchTest {
    static final String MIN = "{\"schema\":1,\"name\":\"x\",\"data\":{\"task\":{\"type\":\"addition\"}}}";
    void probe(String json, String... overrides) {
        try {
            ExperimentConfig c = ExperimentLoader.parse(json, "exp.json", List.of(overrides));
            System.out.println("OK  " + json + " " + List.of(overrides) + " -> " + c);
        } catch (ConfigException e) {
            System.out.println("ERR " + json + " " + List.of(overrides) + "\n    -> " + e.getMessage() + "\n       path=" + e.path() + " cause=" + e.getCause());
        } catch (RuntimeException e) {
            System.out.println("!!! " + json + " " + List.of(overrides) + " -> " + e);
            e.printStackTrace(System.out);
        }
    }
    @Test
    void probeAll() {
        probe(MIN);
        System.out.println(ExperimentLoader.toJson(ExperimentLoader.parse(MIN, "x", List.of())));
        probe(MIN, "model.cell=rnn");
        probe(MIN, "model.hiden=3");
        probe(MIN, "training.optimizer.type=adamw");
        probe(MIN, "training.optimizer.momentum=0.5");
        probe(MIN, "model.hiddenSize=\"big\"");
        probe(MIN, "model.hiddenSize=12.5");
        probe(MIN, "model.hiddenSize=10000000000");
        probe(MIN, "model.hiddenSize=null");
        probe(MIN, "model.cell=null");
        probe(MIN, "model=null");
        probe(MIN, "model=3");
        probe(MIN, "model.dropout=1.5");
        probe(MIN, "data.task.minDigits=0");
        probe(MIN, "data.task.maxDigits=0");
        probe(MIN, "training.optimizer={\"type\":\"sgd\",\"learningRate\":0.1}");
        probe(MIN, "model.decoderInit=zero", "model.feedContext=false");
        probe(MIN, "model.cell");
        probe(MIN, "model..cell=3");
        probe(MIN, "=3");
        probe(MIN, "data.task.type.x=3");
        probe("{\"schema\":1,\"name\":\"x\"}");
        probe("{\"schema\":1,\"data\":{\"task\":{\"type\":\"addition\"}}}");
        probe("{\"schema\":1,\"name\":\"x\",\"data\":{\"task\":{\"minDigits\":2}}}");
        probe("{\"schema\":1,\"name\":\"x\",\"data\":{\"task\":\"addition\"}}");
        probe("{\"schema\":1,\"name\":\"x\",\"data\":{\"task\":{\"type\":5}}}");
        probe("{\"schema\":1,\"name\":\"x\",\"data\":{\"task\":{\"type\":\"foo\"}}}");
        probe("{\"schema\":1,\"name\":\"x\",\"data\":{\"type\":\"files\",\"task\":{\"type\":\"addition\"}}}");
        probe(MIN, "data.task.foo=1");
        probe(MIN, "seed=\"1\"");
        probe(MIN, "seed=12345678901234567890");
        probe(MIN, "schema=2");
        probe(MIN, "nmae=2");
        probe(MIN, "model.bidirectional=1");
        probe(MIN, "training.clipping.maxNorm=-1");
        probe(MIN, "training.clipping.type=value");
        probe(MIN, "training.earlyStopping.patience=2");
        probe(MIN, "data.task.type=number_words");
        probe(MIN, "data.task.type=number_words", "data.tokenizer=whitespace");
        probe(MIN, "data.task.maxDigits=1");
        probe(MIN, "training.schedule=\"constant\"");
        probe(MIN, "decoding.strategy.type=beam");
        probe("{\"schema\":1,\n \"name\":\"x\",\n \"model\": {\"hiddenSize\": }\n}");
        probe("{\"schema\":1,\n \"name\":\"x\",\n \"model\": {\"hiddenSize\": 3, \"hiddenSize\": 4}\n}");
        probe("{\"schema\":1} }");
        probe("");
        probe("[1]");
        probe("{\"schema\":1,\"name\":\"x\",\"data\":{\"task\":{\"type\":\"number_words\",\"direction\":\"sideways\"}, \"tokenizer\":\"whitespace\"}}");
        probe("{\"schema\":1,\"name\":\"x\",\"data\":{\"task\":{\"type\":\"number_words\",\"direction\":null}, \"tokenizer\":\"whitespace\"}}");
        System.out.println(ExperimentLoader.resolvedTree(MIN, "x", List.of("training.optimizer.type=sgd")));
    }
}
