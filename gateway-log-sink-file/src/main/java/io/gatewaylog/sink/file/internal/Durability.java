package io.gatewaylog.sink.file.internal;

/**
 * When written records reach the operating system and the disk ({@code sink.file.durability}).
 */
public enum Durability {
    /**
     * Lines collect in the sink's buffer and go to the OS when it holds {@link ComponentFile#BUFFERED_BYTES}
     * or on the pipeline's flush: a process crash loses at most one flush interval.
     */
    BUFFERED,
    /** Every batch goes to the OS before {@code write} returns: a process crash loses nothing written. */
    FLUSH,
    /** Every batch is written and fsync'ed before {@code write} returns: a power loss loses nothing written. */
    FSYNC
}
