package org.seq2seq4j.core.config;

/**
 * Stop when the validation metric has not improved for {@code patience} epochs.
 *
 * @param enabled  whether training may stop before the last epoch
 * @param patience epochs without improvement before stopping
 */
public record EarlyStopping(boolean enabled, int patience) {
    public EarlyStopping {
        ConfigException.atLeast("patience", patience, 1);
    }
}
