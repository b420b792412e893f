package kr.sotong.monitoring.sentiment;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.sotong.monitoring.Sentiment;

/**
 * Multinomial naive Bayes over Nori tokens (title tokens counted twice), Laplace smoothing. Trained from staff
 * labels; serialised as text so the model is stored with its evaluation.
 */
public final class NaiveBayes {

    public record Sample(long id, List<String> tokens, Sentiment label) {
    }

    public record Prediction(Sentiment sentiment, double probability, double adverseProbability) {
    }

    /** Held-out evaluation: adverse = 부정 or 왜곡. */
    public record Evaluation(int trainSize, int testSize, double precisionAdverse, double recallAdverse,
                             double accuracy, Map<Sentiment, Map<Sentiment, Integer>> confusion) {
    }

    private final Map<Sentiment, Integer> docs = new EnumMap<>(Sentiment.class);
    private final Map<Sentiment, Long> totals = new EnumMap<>(Sentiment.class);
    private final Map<String, int[]> counts = new HashMap<>();
    private int documents;

    public static NaiveBayes train(List<Sample> samples) {
        NaiveBayes nb = new NaiveBayes();
        for (Sample s : samples) {
            nb.add(s.tokens(), s.label());
        }
        return nb;
    }

    private void add(List<String> tokens, Sentiment label) {
        documents++;
        docs.merge(label, 1, Integer::sum);
        totals.merge(label, (long) tokens.size(), Long::sum);
        for (String t : tokens) {
            counts.computeIfAbsent(t, k -> new int[Sentiment.values().length])[label.ordinal()]++;
        }
    }

    public boolean isEmpty() {
        return documents == 0;
    }

    public Prediction predict(List<String> tokens) {
        Sentiment[] classes = Sentiment.values();
        double[] logp = new double[classes.length];
        int vocab = Math.max(1, counts.size());
        for (Sentiment c : classes) {
            int n = docs.getOrDefault(c, 0);
            if (n == 0) {
                logp[c.ordinal()] = Double.NEGATIVE_INFINITY;
                continue;
            }
            double lp = Math.log((double) n / documents);
            long total = totals.getOrDefault(c, 0L);
            for (String t : tokens) {
                int[] cc = counts.get(t);
                if (cc == null) {
                    continue;
                }
                lp += Math.log((cc[c.ordinal()] + 1.0) / (total + vocab));
            }
            logp[c.ordinal()] = lp;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logp) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] p = new double[classes.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = Double.isInfinite(logp[i]) ? 0 : Math.exp(logp[i] - max);
            sum += p[i];
        }
        int best = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = sum == 0 ? 0 : p[i] / sum;
            if (p[i] > p[best]) {
                best = i;
            }
        }
        double adverse = p[Sentiment.NEGATIVE.ordinal()] + p[Sentiment.DISTORTED.ordinal()];
        return new Prediction(classes[best], p[best], adverse);
    }

    /** Deterministic split: every fifth article (by id hash) is held out. */
    public static boolean heldOut(long id) {
        long h = id * 0x9E3779B97F4A7C15L;
        return Long.remainderUnsigned(h >>> 33, 5) == 0;
    }

    public static Evaluation evaluate(NaiveBayes model, List<Sample> test, int trainSize) {
        Map<Sentiment, Map<Sentiment, Integer>> confusion = new EnumMap<>(Sentiment.class);
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int correct = 0;
        for (Sample s : test) {
            Sentiment predicted = model.predict(s.tokens()).sentiment();
            confusion.computeIfAbsent(s.label(), k -> new EnumMap<>(Sentiment.class)).merge(predicted, 1, Integer::sum);
            if (predicted == s.label()) {
                correct++;
            }
            boolean pa = predicted.adverse();
            boolean aa = s.label().adverse();
            if (pa && aa) {
                tp++;
            } else if (pa) {
                fp++;
            } else if (aa) {
                fn++;
            }
        }
        double precision = tp + fp == 0 ? Double.NaN : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? Double.NaN : (double) tp / (tp + fn);
        double accuracy = test.isEmpty() ? Double.NaN : (double) correct / test.size();
        return new Evaluation(trainSize, test.size(), precision, recall, accuracy, confusion);
    }

    /** Text form: header line with document count, one line per class, one per token. */
    public String serialise() {
        StringBuilder sb = new StringBuilder("nb1\t").append(documents).append('\n');
        for (Sentiment c : Sentiment.values()) {
            sb.append("#").append(c.name()).append('\t').append(docs.getOrDefault(c, 0)).append('\t')
                    .append(totals.getOrDefault(c, 0L)).append('\n');
        }
        for (var e : counts.entrySet()) {
            if (e.getKey().indexOf('\t') >= 0 || e.getKey().indexOf('\n') >= 0) {
                continue;
            }
            sb.append(e.getKey());
            for (int v : e.getValue()) {
                sb.append('\t').append(v);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    public static NaiveBayes deserialise(String text) {
        NaiveBayes nb = new NaiveBayes();
        String[] lines = text.split("\n");
        if (lines.length == 0 || !lines[0].startsWith("nb1\t")) {
            throw new IllegalArgumentException("not a naive Bayes model");
        }
        nb.documents = Integer.parseInt(lines[0].substring(4).strip());
        for (int i = 1; i < lines.length; i++) {
            String[] p = lines[i].split("\t");
            if (lines[i].startsWith("#")) {
                Sentiment c = Sentiment.valueOf(p[0].substring(1));
                nb.docs.put(c, Integer.parseInt(p[1]));
                nb.totals.put(c, Long.parseLong(p[2]));
            } else if (p.length == Sentiment.values().length + 1) {
                int[] v = new int[Sentiment.values().length];
                for (int k = 0; k < v.length; k++) {
                    v[k] = Integer.parseInt(p[k + 1]);
                }
                nb.counts.put(p[0], v);
            }
        }
        return nb;
    }

    /** Features: title tokens prefixed (and so counted separately) plus body tokens. */
    public static List<String> features(List<String> titleTokens, List<String> bodyTokens) {
        List<String> out = new ArrayList<>(titleTokens.size() * 2 + bodyTokens.size());
        for (String t : titleTokens) {
            out.add("t:" + t);
            out.add(t);
        }
        out.addAll(bodyTokens);
        return out;
    }
}
