package org.seq2seq4j.core.graph;

import java.util.Map;
import java.util.Objects;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;

/**
 * Common configuration part of the toolkit's graph vertices. DL4J stores vertex configurations in the model's JSON
 * by class name and restores them through a no-argument constructor and bean accessors, so subclasses keep that
 * shape; a compatibility test loads a model saved by an earlier version to guard the stored names.
 *
 * <p>Equality is by {@link #describe()}, which subclasses build from all of their settings.
 */
public abstract class ToolkitVertex extends GraphVertex {

    /** Parameter names and shapes in flat-vector order (empty for vertices without parameters). */
    public abstract Map<String, long[]> paramShapes();

    /** A string holding every setting, used for equality and messages. */
    protected abstract String describe();

    /** The exact number of inputs the vertex takes (every toolkit vertex takes a fixed number). */
    protected abstract int inputCount();

    @Override
    public final int minVertexInputs() {
        return inputCount();
    }

    @Override
    public final int maxVertexInputs() {
        return inputCount();
    }

    @Override
    public long numParams(boolean backprop) {
        return ParamViews.count(paramShapes());
    }

    /** A copy with the same settings (every setting is an immutable value). */
    @Override
    public abstract ToolkitVertex clone();

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((ToolkitVertex) o).describe().equals(describe());
    }

    @Override
    public int hashCode() {
        return Objects.hash(getClass(), describe());
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + describe() + ")";
    }

    @Override
    public MemoryReport getMemoryReport(InputType... inputTypes) {
        InputType out = getOutputType(-1, inputTypes);
        return new LayerMemoryReport.Builder(null, getClass(), inputTypes[0], out)
                .standardMemory(numParams(true), 0)
                .workingMemory(0, 0, 0, 0)
                .cacheMemory(0, 0)
                .build();
    }
}
