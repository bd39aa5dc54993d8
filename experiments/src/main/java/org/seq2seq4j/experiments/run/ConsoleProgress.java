package org.seq2seq4j.experiments.run;

import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.seq2seq4j.core.train.EpochMetrics;
import org.seq2seq4j.core.train.TrainerState;
import org.seq2seq4j.core.train.TrainingListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows training progress: a progress bar per epoch (step, loss, throughput, ETA) on an interactive terminal, and a
 * log line every {@code interval} otherwise (CI logs, pipes), so long runs always say where they are.
 */
public final class ConsoleProgress implements TrainingListener {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleProgress.class);

    private final boolean interactive;
    private final Duration interval;
    private ProgressBar bar;
    private int barEpoch;
    private long lastLog = System.nanoTime();

    public ConsoleProgress(boolean interactive, Duration interval) {
        this.interactive = interactive;
        this.interval = interval;
    }

    /** Interactive when the JVM has a console. */
    public static ConsoleProgress forThisProcess() {
        return new ConsoleProgress(System.console() != null, Duration.ofSeconds(10));
    }

    @Override
    public void onStep(StepProgress p) {
        String extra = String.format(java.util.Locale.ROOT, "loss %.4f, %.0f tok/s, ETA %s", p.loss(),
                p.targetTokensPerSecond(), eta(p.etaSeconds()));
        if (interactive) {
            if (bar == null || barEpoch != p.epoch()) {
                closeBar();
                bar = new ProgressBarBuilder().setTaskName("epoch " + p.epoch() + "/" + p.epochs())
                        .setInitialMax(p.batches()).setStyle(ProgressBarStyle.ASCII).continuousUpdate().build();
                barEpoch = p.epoch();
            }
            bar.stepTo(p.batch());
            bar.setExtraMessage(extra);
        } else if (System.nanoTime() - lastLog >= interval.toNanos() || p.batch() == p.batches()) {
            lastLog = System.nanoTime();
            LOG.info("epoch {}/{} step {} ({}/{}): {}", p.epoch(), p.epochs(), p.step(), p.batch(), p.batches(), extra);
        }
    }

    @Override
    public void onEpoch(EpochMetrics metrics, TrainerState state) {
        closeBar();
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    private static String eta(double seconds) {
        long s = Math.round(seconds);
        return String.format(java.util.Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
}
