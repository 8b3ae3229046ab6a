// Query latency, index build throughput and memory of the search engine at the real catalogue and
// at synthetic sizes, beside a plain FTS5 unicode61 baseline over the same articles in the same run.
// Run: build/bench/bench_search [--sizes 287,10000,100000,1000000]
#include "defaultcatalogue.h"
#include "searchcorpus.h"
#include "searchengine.h"

#include <QCoreApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include "store.h"
#include "thesaurus.h"

#include <malloc.h>
#include <sys/resource.h>

#include <algorithm>
#include <cstdio>

namespace {

// Heap bytes in use (malloc'd and mmap'd): unlike RSS, not blurred by memory freed and reused.
long heapKiB()
{
    const struct mallinfo2 info = mallinfo2();
    return long((info.uordblks + info.hblkhd) / 1024);
}

long peakKiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

qint64 fileBytes(const QString &path)
{
    return QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
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

    const kb::Catalogue munich = bench::loadMunichCatalogue();
    // With the built-in example questions, as a new desk has them (the synthetic articles draw from them too).
    QList<kb::Article> real = munich.articles;
    QHash<QString, QStringList> questions;
    QString questionsError;
    if (real.isEmpty() || !kb::loadDefaultQuestions(&questions, &questionsError)) {
        std::fprintf(stderr, "%s\n", qPrintable(questionsError));
        return 1;
    }
    for (kb::Article &a : real) {
        a.questions = questions.value(a.id);
    }
    const QStringList queries = queryMix(real);
    QElapsedTimer thesaurusTimer;
    thesaurusTimer.start();
    const bool thesaurus = !kb::Thesaurus::system().isEmpty();
    std::printf("thesaurus: %s, loaded once per process in %.0f ms (not in the build figures below)\n",
                thesaurus ? "OpenThesaurus" : "missing", double(thesaurusTimer.nsecsElapsed()) / 1e6);
    QElapsedTimer lexiconTimer;
    lexiconTimer.start();
    const size_t lexiconWords = kb::Lexicon::system().size();
    std::printf("word list: %zu words, loaded once per process in %.0f ms (not in the build figures below)\n",
                lexiconWords, double(lexiconTimer.nsecsElapsed()) / 1e6);
    QElapsedTimer hypernymTimer;
    hypernymTimer.start();
    const bool hypernyms = !kb::Hypernyms::system().isEmpty();
    std::printf("broader terms: %s, loaded once per process in %.0f ms (not in the build figures below)\n",
                hypernyms ? "mythes-de" : "missing", double(hypernymTimer.nsecsElapsed()) / 1e6);
    std::printf("%d queries per size (keywords, typed title prefixes, typos, questions)\n\n", int(queries.size()));
    std::printf("%-9s %-16s %9s %9s %9s %11s %11s %9s %9s %9s\n", "articles", "engine", "p50 us", "p99 us", "max us",
                "import a/s", "index a/s", "db MiB", "index MiB", "peak MiB");

    for (const QString &sizeText : parser.value(QStringLiteral("sizes")).split(QLatin1Char(','))) {
        const int size = std::max(int(real.size()), sizeText.toInt());
        QList<kb::Article> corpus = bench::syntheticCorpus(real, size, 20261122);

        // Import into the desk's own store (SQLite file), then build the index from what it reads back,
        // as the desk does at start.
        QTemporaryDir dir;
        const QString dbPath = dir.filePath(QStringLiteral("hotline.db"));
        QString error;
        auto store = kb::openSqliteStore(dbPath, &error);
        if (!store) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        QElapsedTimer timer;
        timer.start();
        kb::UpsertReport report;
        if (!store->upsert({corpus, munich.offices}, &report, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        const double importSeconds = double(timer.nsecsElapsed()) / 1e9;
        const qint64 dbBytes = fileBytes(dbPath);
        corpus = store->articles(&error);
        store.reset();

        const long before = heapKiB();
        timer.restart();
        kb::SearchEngine engine;
        engine.build(corpus);
        const double buildSeconds = double(timer.nsecsElapsed()) / 1e9;
        const long engineKiB = heapKiB() - before;

        std::vector<double> ours;
        for (int round = 0; round < 2; ++round) { // the first round warms caches, the second is measured
            ours.clear();
            for (const QString &q : queries) {
                timer.restart();
                const auto hits = engine.search(q, {10});
                ours.push_back(double(timer.nsecsElapsed()) / 1e3);
                Q_UNUSED(hits);
            }
        }
        const Latency l = percentiles(ours);
        if (qEnvironmentVariableIsSet("BENCH_SEARCH_SLOWEST")) { // which queries make the tail
            std::vector<std::pair<double, QString>> slowest;
            for (size_t i = 0; i < ours.size(); ++i) {
                slowest.emplace_back(ours[i], queries[qsizetype(i)]);
            }
            std::sort(slowest.begin(), slowest.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
            for (size_t i = 0; i < slowest.size() && i < 30; ++i) {
                std::fprintf(stderr, "  slow %9.1f us  %s\n", slowest[i].first, qPrintable(slowest[i].second));
            }
        }
        std::printf("%-9d %-16s %9.1f %9.1f %9.1f %11.0f %11.0f %9.1f %9.1f %9.1f\n", size, "hotline", l.p50, l.p99,
                    l.max, double(size) / importSeconds, double(size) / buildSeconds, double(dbBytes) / 1048576.0,
                    double(engineKiB) / 1024.0, double(peakKiB()) / 1024.0);
        std::fflush(stdout);

        if (!parser.isSet(QStringLiteral("no-baseline"))) {
            const QString ftsPath = dir.filePath(QStringLiteral("fts5.db"));
            timer.restart();
            const bench::Fts5Baseline fts(corpus, ftsPath);
            const double ftsSeconds = double(timer.nsecsElapsed()) / 1e9;
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
            std::printf("%-9d %-16s %9.1f %9.1f %9.1f %11.0f %11s %9.1f %9s %9.1f\n", size, "fts5-unicode61", b.p50,
                        b.p99, b.max, double(size) / ftsSeconds, "-", double(fileBytes(ftsPath)) / 1048576.0, "-",
                        double(peakKiB()) / 1024.0);
            std::fflush(stdout);
        }
    }
    return 0;
}
