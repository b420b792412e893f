package kr.sotong.education.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides the sign-ups of one course in arrival order, many per transaction. Each course has a lane: a FIFO queue and
 * a lock. A request thread queues its arrival and tries the lane's lock; whoever holds it takes everything queued so
 * far (its own arrival and those that came before and while the previous batch was being decided), decides it in one
 * transaction with the course row locked, wakes the batch's threads and hands the lane to the next waiting arrival.
 * The others wait parked, without queueing on the lock. Under a rush this turns hundreds of serialised transactions,
 * each holding the course row lock through its commit, into a few batches; with one request at a time it is a batch
 * of one.
 * <p>
 * Arrival order is the order of the lane's queue (the order in which sign-ups reached this server). The course row
 * lock still serialises batches across several servers; the database's constraints still refuse oversold seats.
 * <p>
 * A batch's decisions are made known only after its transaction committed. If the batch's transaction fails (a
 * database error, a constraint), each of its arrivals is decided again alone, so one bad arrival cannot fail the
 * others; arrivals refused by a rule (a closed window, a duplicate) are refused individually inside the batch.
 */
final class RegistrationDesk {

    /** The most arrivals decided in one transaction (bounds the transaction and its audit entries). */
    static final int MAX_BATCH = 256;

    private final Map<Long, Lane> lanes = new ConcurrentHashMap<>();
    private final TransactionTemplate tx;

    RegistrationDesk(TransactionTemplate tx) {
        this.tx = tx;
    }

    /** A sign-up waiting for its decision: filled in by whichever thread decides its batch. */
    static final class Arrival<T> {
        final T request;
        final Thread thread = Thread.currentThread();
        private volatile boolean done;
        private Outcome outcome;
        private RuntimeException failure;

        Arrival(T request) {
            this.request = request;
        }

        boolean done() {
            return done;
        }

        void succeed(Outcome o) {
            outcome = o;
            done = true;
        }

        void fail(RuntimeException e) {
            failure = e;
            done = true;
        }

        Outcome result() {
            if (failure != null) {
                throw failure;
            }
            return outcome;
        }
    }

    /** The result of deciding one arrival inside a batch, before commit: an outcome or a refusal. */
    record Decision(Outcome outcome, RuntimeException refusal) {
        static Decision of(Outcome o) {
            return new Decision(o, null);
        }

        static Decision refused(RuntimeException e) {
            return new Decision(null, e);
        }
    }

    private static final class Lane {
        final ConcurrentLinkedQueue<Arrival<?>> queue = new ConcurrentLinkedQueue<>();
        final ReentrantLock lock = new ReentrantLock();
    }

    /**
     * Queues the arrival and returns its outcome once decided (or throws its refusal). {@code decide} gets a batch in
     * arrival order and runs inside a transaction; it returns one decision per arrival, in the same order.
     */
    @SuppressWarnings("unchecked")
    <T> Outcome submit(long courseId, T request, Function<List<Arrival<T>>, List<Decision>> decide) {
        Lane lane = lanes.computeIfAbsent(courseId, k -> new Lane());
        Arrival<T> mine = new Arrival<>(request);
        lane.queue.add(mine);
        boolean interrupted = false;
        while (!mine.done()) {
            if (lane.lock.tryLock()) {
                try {
                    while (!mine.done()) {
                        List<Arrival<T>> batch = new ArrayList<>();
                        for (Arrival<?> a; batch.size() < MAX_BATCH && (a = lane.queue.poll()) != null; ) {
                            batch.add((Arrival<T>) a);
                        }
                        if (batch.isEmpty()) {
                            break; // cannot happen while mine is queued and undecided; never spin
                        }
                        run(batch, decide);
                        batch.forEach(a -> LockSupport.unpark(a.thread));
                    }
                } finally {
                    lane.lock.unlock();
                }
                // hand the lane to the first arrival still waiting (it may have found the lock taken and parked)
                Arrival<?> next = lane.queue.peek();
                if (next != null) {
                    LockSupport.unpark(next.thread);
                }
            } else {
                // woken when decided or handed the lane; the timeout is only a safety net
                LockSupport.parkNanos(this, 20_000_000L);
                // an interrupt must not make this loop spin: remember it and wait for the decision anyway
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return mine.result();
    }

    private <T> void run(List<Arrival<T>> batch, Function<List<Arrival<T>>, List<Decision>> decide) {
        if (batch.isEmpty()) {
            return;
        }
        List<Decision> decisions;
        try {
            decisions = tx.execute(status -> decide.apply(batch));
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).fail(e);
            } else {
                for (Arrival<T> a : batch) {
                    run(List.of(a), decide);
                }
            }
            return;
        } catch (Error e) {
            RuntimeException wrapped = new IllegalStateException("registration batch failed", e);
            batch.forEach(a -> a.fail(wrapped));
            throw e;
        }
        for (int i = 0; i < batch.size(); i++) {
            Decision d = decisions.get(i);
            if (d.refusal() != null) {
                batch.get(i).fail(d.refusal());
            } else {
                batch.get(i).succeed(d.outcome());
            }
        }
    }
}
