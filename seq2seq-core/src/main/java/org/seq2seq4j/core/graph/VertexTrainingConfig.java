package org.seq2seq4j.core.graph;

import java.util.List;
import org.deeplearning4j.nn.api.TrainingConfig;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.learning.regularization.Regularization;

/**
 * The DL4J training configuration of the toolkit's own vertices. The toolkit applies its optimizer itself
 * ({@code org.seq2seq4j.core.train.Optimizer}) to the whole flat parameter vector, so DL4J's per-layer updater,
 * regularization and gradient normalization are switched off here.
 */
record VertexTrainingConfig(String layerName) implements TrainingConfig {

    @Override
    public String getLayerName() {
        return layerName;
    }

    @Override
    public List<Regularization> getRegularizationByParam(String paramName) {
        return null;
    }

    @Override
    public boolean isPretrainParam(String paramName) {
        return false;
    }

    @Override
    public IUpdater getUpdaterByParam(String paramName) {
        return new NoOp();
    }

    @Override
    public GradientNormalization getGradientNormalization() {
        return GradientNormalization.None;
    }

    @Override
    public double getGradientNormalizationThreshold() {
        return 0;
    }

    @Override
    public void setDataType(DataType dataType) {
        // parameters take the network's data type; nothing to record
    }
}
