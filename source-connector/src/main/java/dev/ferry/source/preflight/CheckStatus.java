package dev.ferry.source.preflight;

/** The verdict of one preflight check. */
public enum CheckStatus {
    PASS, WARN, FAIL
}
