// Query latency, index build throughput and memory of the search engine at the real catalogue and
// at synthetic sizes, beside a plain FTS5 unicode61 baseline over the same articles in the same run.
// Run: build/bench/bench_search [--sizes 287,10000,100000,1000000]
#include "searchcorpus.h"
#include "searchengine.h"

#include <QCoreApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <cstdio>

namespace {

long residentKiB()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly)) {
        return 0;
    }
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toLong() * 4 : 0;
}

struct Latency
{
    double p50 = 0;
    double p99 = 0;
    double max = 0;
};

Latency percentiles(std::vector<double> us)
{
    std::sort(us.begin(), us.end());
    if (us.empty()) {
        return {};
    }
    auto at = [&us](double q) { return us[std::min(us.size() - 1, size_t(q * double(us.size())))]; };
    return {at(0.50), at(0.99), us.back()};
}

// What agents and callers type: catalogue keywords, title prefixes as typed letter by letter,
// typos and whole questions.
QStringList queryMix(const QList<kb::Article> &real)
{
    QStringList queries;
    for (const kb::Article &a : real) {
        queries << a.keywords;
        const QString title = a.title.section(QLatin1Char(' '), 0, 0);
        for (int n = 3; n <= title.size(); n += 2) {
            queries << title.left(n);
        }
        if (title.size() > 6) {
            QString typo = title;
            typo.remove(title.size() / 2, 1);
            queries << typo;
        }
    }
    queries << QStringLiteral("Wo kann ich meinen Reisepass verlängern?")
            << QStringLiteral("Ich habe meinen Personalausweis verloren, was muss ich tun?")
            << QStringLiteral("Wir wollen heiraten, wo müssen wir das anmelden?")
            << QStringLiteral("Wie kann ich mein Auto abmelden?") << QStringLiteral("Zweitwohnungssteuer");
    return queries;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("sizes"), QStringLiteral("Corpus sizes, comma-separated."), QStringLiteral("list"),
                      QStringLiteral("287,10000,100000,1000000")});
    parser.addOption({QStringLiteral("no-baseline"), QStringLiteral("Skip the FTS5 baseline (faster).")});
    parser.process(app);

    const QList<kb::Article> real = bench::loadMunichArticles();
    if (real.isEmpty()) {
        return 1;
    }
    const QStringList queries = queryMix(real);
    std::printf("%d queries per size (keywords, typed title prefixes, typos, questions)\n\n", int(queries.size()));
    std::printf("%-9s %-16s %10s %10s %10s %12s %12s\n", "articles", "engine", "p50 us", "p99 us", "max us",
                "build art/s", "memory MiB");

    for (const QString &sizeText : parser.value(QStringLiteral("sizes")).split(QLatin1Char(','))) {
        const int size = std::max(int(real.size()), sizeText.toInt());
        QList<kb::Article> corpus = bench::syntheticCorpus(real, size, 20261122);

        const long before = residentKiB();
        QElapsedTimer timer;
        timer.start();
        kb::SearchEngine engine;
        engine.build(corpus);
        const double buildSeconds = double(timer.nsecsElapsed()) / 1e9;
        const long engineKiB = residentKiB() - before;

        std::vector<double> ours;
        for (int round = 0; round < 2; ++round) {   // the first round warms caches, the second is measured
            ours.clear();
            for (const QString &q : queries) {
                timer.restart();
                const auto hits = engine.search(q, {10});
                ours.push_back(double(timer.nsecsElapsed()) / 1e3);
                Q_UNUSED(hits);
            }
        }
        const Latency l = percentiles(ours);
        std::printf("%-9d %-16s %10.1f %10.1f %10.1f %12.0f %12.1f\n", size, "hotline", l.p50, l.p99, l.max,
                    double(size) / buildSeconds, double(engineKiB) / 1024.0);
        std::fflush(stdout);

        if (!parser.isSet(QStringLiteral("no-baseline"))) {
            const long ftsBefore = residentKiB();
            timer.restart();
            const bench::Fts5Baseline fts(corpus);
            const double ftsSeconds = double(timer.nsecsElapsed()) / 1e9;
            const long ftsKiB = residentKiB() - ftsBefore;
            // OR queries over large FTS5 indexes take up to seconds each: from 100k articles on, the
            // baseline runs every 10th query of the same mix.
            const int stride = size >= 100000 ? 10 : 1;
            std::vector<double> base;
            for (int round = 0; round < 2; ++round) {
                base.clear();
                for (qsizetype qi = 0; qi < queries.size(); qi += stride) {
                    const QString &q = queries[qi];
                    timer.restart();
                    const QStringList ids = fts.search(q, 10);
                    base.push_back(double(timer.nsecsElapsed()) / 1e3);
                    Q_UNUSED(ids);
                }
            }
            const Latency b = percentiles(base);
            std::printf("%-9d %-16s %10.1f %10.1f %10.1f %12.0f %12.1f\n", size, "fts5-unicode61", b.p50, b.p99, b.max,
                        double(size) / ftsSeconds, double(ftsKiB) / 1024.0);
            std::fflush(stdout);
        }
    }
    return 0;
}
