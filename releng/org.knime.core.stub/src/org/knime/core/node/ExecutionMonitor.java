package org.knime.core.node;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stand-in for KNIME's ExecutionMonitor: records progress and messages and can be cancelled. Methods marked
 * "stand-in only" are not KNIME API; node code must not call them (tests do).
 */
public class ExecutionMonitor {
    /** Shared by a monitor and its sub-monitors. */
    static final class State {
        final AtomicBoolean canceled = new AtomicBoolean();
        final AtomicLong checks = new AtomicLong();
        volatile long cancelAfterChecks = -1;
        final List<String> messages = Collections.synchronizedList(new ArrayList<>());
        volatile double progress;
    }

    final State m_state;
    private final double m_offset;
    private final double m_share;

    /** Stand-in only: a fresh top-level monitor (KNIME creates these itself). */
    public ExecutionMonitor() {
        this(new State(), 0, 1);
    }

    ExecutionMonitor(State state, double offset, double share) {
        m_state = state;
        m_offset = offset;
        m_share = share;
    }

    public void checkCanceled() throws CanceledExecutionException {
        long n = m_state.checks.incrementAndGet();
        if (m_state.cancelAfterChecks >= 0 && n > m_state.cancelAfterChecks) {
            m_state.canceled.set(true);
        }
        if (m_state.canceled.get()) {
            throw new CanceledExecutionException();
        }
    }

    public void setProgress(final double progress, final String message) {
        setProgress(progress);
        setMessage(message);
    }

    public void setProgress(final double progress) {
        if (progress < 0 || progress > 1 + 1e-9 || Double.isNaN(progress)) {
            throw new IllegalArgumentException("progress " + progress + " not in [0, 1]");
        }
        m_state.progress = m_offset + m_share * progress;
    }

    public void setMessage(final String message) {
        m_state.messages.add(message);
    }

    public ExecutionMonitor createSubProgress(final double maxProg) {
        return new ExecutionMonitor(m_state, m_state.progress, m_share * maxProg);
    }

    /** Stand-in only: cancel now. */
    public void cancel() {
        m_state.canceled.set(true);
    }

    /** Stand-in only: cancel at the (n+1)-th call of checkCanceled. */
    public void cancelAfterChecks(final long n) {
        m_state.cancelAfterChecks = n;
    }

    /** Stand-in only: how often checkCanceled was called. */
    public long getCancelChecks() {
        return m_state.checks.get();
    }

    /** Stand-in only: overall progress reported so far. */
    public double getProgressForTest() {
        return m_state.progress;
    }

    /** Stand-in only: all messages set so far. */
    public List<String> getMessagesForTest() {
        synchronized (m_state.messages) {
            return new ArrayList<>(m_state.messages);
        }
    }
}
