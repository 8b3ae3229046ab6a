// The desk's responsiveness, measured on the real window (offscreen unless a display is set):
//  - cold start: main() → window shown and the first search answerable, on an existing catalogue database
//    (and the first start on an empty one, which installs the built-in catalogue);
//  - keystroke → results painted: a key event into the search box until the result list has repainted with the
//    answer to that keystroke (search thread round trip + model reset + paint), p50/p99, at the real catalogue and
//    at a synthetic 10k-article catalogue. Baseline in the same run: the same prefixes searched directly with
//    kb::SearchEngine on one thread (what the engine alone costs);
//  - resident memory after start and after opening 50 articles (desk process, and with WebEngine's helper
//    processes added).
// Run: build/bench/bench_desk [--articles 10000] [--rounds 3]
#include "benchevents.h"
#include "benchstats.h"
#include "deskcatalogue.h"
#include "defaultcatalogue.h"
#include "desksettings.h"
#include "language.h"
#include "mainwindow.h"
#include "searchcorpus.h"
#include "searchengine.h"
#include "searchpanel.h"
#include "searchservice.h"
#include "store.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QLineEdit>
#include <QListView>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <functional>

namespace {

QElapsedTimer g_sinceMain;

const QStringList kQueries = {
    QStringLiteral("perso"),        QStringLiteral("ummelden"),       QStringLiteral("reisepass"),
    QStringLiteral("führerschein"), QStringLiteral("kfz anmelden"),   QStringLiteral("hund"),
    QStringLiteral("gewerbe"),      QStringLiteral("geburtsurkunde"), QStringLiteral("wohnsitz"),
    QStringLiteral("parkausweis"),
};

long rssKiB(const QString &pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly)) {
        return 0;
    }
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:")) {
            return line.mid(6).trimmed().split(' ').first().toLong();
        }
    }
    return 0;
}

// Resident memory of this process and, separately, of all its descendants (WebEngine's zygote and renderers).
std::pair<long, long> residentKiB()
{
    QHash<QString, QString> parentOf;
    for (const QString &pid : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        if (pid.isEmpty() || !pid.at(0).isDigit()) {
            continue;
        }
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (stat.open(QIODevice::ReadOnly)) {
            const QByteArray s = stat.readAll();
            const QList<QByteArray> f = s.mid(s.lastIndexOf(')') + 2).split(' ');
            if (f.size() > 1) {
                parentOf.insert(pid, QString::fromLatin1(f.at(1)));
            }
        }
    }
    const QString self = QString::number(getpid());
    long children = 0;
    for (auto it = parentOf.cbegin(); it != parentOf.cend(); ++it) {
        for (QString p = it.value(); !p.isEmpty() && p != QLatin1String("0"); p = parentOf.value(p)) {
            if (p == self) {
                children += rssKiB(it.key());
                break;
            }
        }
    }
    return {rssKiB(self), children};
}

using bench::Stats;

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    return bench::waitFor(done, timeoutMs, 10);
}

// Paints of the result list's viewport, counted by an event filter.
class PaintProbe final : public QObject
{
public:
    using QObject::QObject;
    int paints = 0;
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint) {
            ++paints;
        }
        return false;
    }
};

struct Desk
{
    explicit Desk(const QString &dbPath)
        : service([dbPath](QString *error) { return desk::openDeskCatalogue(dbPath, error); })
    {
        language.apply(QStringLiteral("de"));
        service.start();
        window = std::make_unique<desk::MainWindow>(&service, &settings, &language);
        QObject::connect(window.get(), &desk::MainWindow::catalogueReady, window.get(), [this](int) { ready = true; });
        window->show();
    }
    ~Desk()
    {
        window->close();
    }

    desk::DeskSettings settings;
    desk::LanguageManager language;
    desk::SearchService service;
    std::unique_ptr<desk::MainWindow> window;
    bool ready = false;
};

// Types every query key by key and measures key event → the answer to that key painted.
std::vector<double> measureKeystrokes(Desk &d, int rounds)
{
    QLineEdit *edit = d.window->searchPanel()->searchEdit();
    QWidget *viewport = d.window->searchPanel()->resultView()->viewport();
    kb::SearchResultModel *model = d.window->searchPanel()->resultModel();
    PaintProbe probe;
    viewport->installEventFilter(&probe);
    std::vector<double> us;
    int timeouts = 0;
    for (int r = 0; r < rounds; ++r) {
        for (const QString &query : kQueries) {
            edit->clear();
            waitFor([&]() { return model->shownRequestId() == d.service.newestSearchId(); }, 2000);
            QCoreApplication::processEvents();
            for (const QChar c : query) {
                QElapsedTimer t;
                t.start();
                QTest::keyClick(edit, c.unicode() < 128 ? c.toLatin1() : 'x');
                if (c.unicode() > 127) { // umlauts: keyClick takes Latin-1 chars only
                    edit->backspace();
                    edit->insert(QString(c));
                }
                const int paintsBefore = probe.paints;
                bool answered = false;
                const bool ok = waitFor(
                    [&]() {
                        if (!answered && model->shownRequestId() == d.service.newestSearchId()) {
                            answered = true;
                            return false;
                        }
                        return answered && probe.paints > paintsBefore;
                    },
                    2000);
                if (ok) {
                    us.push_back(double(t.nsecsElapsed()) / 1000.0);
                } else {
                    ++timeouts;
                }
            }
        }
    }
    viewport->removeEventFilter(&probe);
    // What one repaint of the result list costs on its own (model filled with the last answer).
    edit->setText(QStringLiteral("perso"));
    waitFor([&]() { return model->shownRequestId() == d.service.newestSearchId(); }, 2000);
    std::vector<double> paintUs;
    for (int i = 0; i < 50; ++i) {
        QElapsedTimer t;
        t.start();
        viewport->repaint();
        paintUs.push_back(double(t.nsecsElapsed()) / 1000.0);
    }
    std::sort(paintUs.begin(), paintUs.end());
    std::printf("  (one repaint of the result list alone, %d rows: median %.2f ms)\n", model->rowCount(),
                paintUs[paintUs.size() / 2] / 1000.0);
    if (timeouts > 0) {
        std::printf("  (%d keystrokes not painted within 2 s, left out)\n", timeouts);
    }
    return us;
}

std::vector<double> measureEngineAlone(const QList<kb::Article> &articles, const QList<kb::Synonym> &synonyms,
                                       int rounds)
{
    kb::SearchEngine engine;
    engine.build(articles, synonyms);
    std::vector<double> us;
    for (int r = 0; r < rounds; ++r) {
        for (const QString &query : kQueries) {
            for (qsizetype i = 1; i <= query.size(); ++i) {
                QElapsedTimer t;
                t.start();
                const auto hits = engine.search(query.left(i), {30});
                us.push_back(double(t.nsecsElapsed()) / 1000.0);
                Q_UNUSED(hits);
            }
        }
    }
    return us;
}

void printLatency(const char *label, const Stats &s)
{
    std::printf("  %-44s p50 %8.2f ms   p99 %8.2f ms   max %8.2f ms   (n=%zu)\n", label, s.p50 / 1000.0, s.p99 / 1000.0,
                s.max / 1000.0, s.n);
}

bool makeDatabase(const QString &path, const kb::Catalogue &catalogue, const QList<kb::Synonym> &synonyms)
{
    QString error;
    auto store = kb::openSqliteStore(path, &error);
    if (!store) {
        std::fprintf(stderr, "cannot create %s: %s\n", qPrintable(path), qPrintable(error));
        return false;
    }
    if (!store->upsert(catalogue, nullptr, &error)) {
        std::fprintf(stderr, "upsert failed: %s\n", qPrintable(error));
        return false;
    }
    for (const kb::Synonym &s : synonyms) {
        store->setSynonym(s, &error);
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    g_sinceMain.start();
    bench::prepareDeskEnvironment();
    QApplication app(argc, argv);
    bench::isolateSettings(QStringLiteral("bench_desk"));

    QCommandLineParser parser;
    const QCommandLineOption articlesOpt(QStringLiteral("articles"), QStringLiteral("Synthetic catalogue size."),
                                         QStringLiteral("n"), QStringLiteral("10000"));
    const QCommandLineOption childDesk(QStringLiteral("child-desk"), QString(), QStringLiteral("db"));
    const QCommandLineOption childBaseline(QStringLiteral("child-baseline"), QString(), QStringLiteral("db"));
    parser.addOptions({childDesk, childBaseline});
    const QCommandLineOption roundsOpt(QStringLiteral("rounds"), QStringLiteral("Rounds over the queries."),
                                       QStringLiteral("n"), QStringLiteral("3"));
    parser.addOptions({articlesOpt, roundsOpt});
    parser.addHelpOption();
    parser.process(app);
    if (parser.isSet(childDesk)) {
        // A fresh process: everything a real start pays (plugins, fonts, the engine's one-time thesaurus load).
        Desk d(parser.value(childDesk));
        waitFor([&]() { return d.ready; }, 60000);
        std::printf("ready_ms=%.1f\n", double(g_sinceMain.nsecsElapsed()) / 1e6);
        return 0;
    }
    if (parser.isSet(childBaseline)) {
        QString err;
        auto store = kb::openSqliteStore(parser.value(childBaseline), &err);
        kb::SearchEngine engine;
        engine.build(store->articles(), store->synonyms());
        std::printf("ready_ms=%.1f\n", double(g_sinceMain.nsecsElapsed()) / 1e6);
        return 0;
    }
    const int synthetic = parser.value(articlesOpt).toInt();
    const int rounds = parser.value(roundsOpt).toInt();

    QTemporaryDir dir;
    kb::Catalogue builtIn;
    QList<kb::Synonym> synonyms;
    QString error;
    if (!kb::loadDefaultCatalogue(&builtIn, &synonyms, &error)) {
        std::fprintf(stderr, "cannot load the built-in catalogue: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("bench_desk: Qt %s, platform %s\n", qVersion(), qPrintable(QGuiApplication::platformName()));

    // Cold start on an existing database (the everyday start), then the first start on an empty one.
    const QString realDb = dir.filePath(QStringLiteral("real.db"));
    if (!makeDatabase(realDb, builtIn, synonyms)) {
        return 1;
    }
    std::printf("\nCold start, each in a fresh process (median of 3; wall time from spawn, and from main())\n");
    const auto spawn = [&](const char *mode, const QString &db) -> std::pair<double, double> {
        std::vector<double> wall, inMain;
        for (int i = 0; i < 3; ++i) {
            QProcess child;
            child.setProcessChannelMode(QProcess::SeparateChannels);
            QElapsedTimer t;
            t.start();
            child.start(QCoreApplication::applicationFilePath(), {QString::fromLatin1(mode), db});
            child.waitForFinished(120000);
            wall.push_back(double(t.nsecsElapsed()) / 1e6);
            const QByteArray out = child.readAllStandardOutput();
            const qsizetype at = out.indexOf("ready_ms=");
            inMain.push_back(at < 0 ? -1 : out.mid(at + 9).trimmed().toDouble());
        }
        std::sort(wall.begin(), wall.end());
        std::sort(inMain.begin(), inMain.end());
        return {wall[1], inMain[1]};
    };
    const auto [deskWall, deskMain] = spawn("--child-desk", realDb);
    const auto [baseWall, baseMain] = spawn("--child-baseline", realDb);
    std::printf(
        "  desk: spawn → window shown and search usable (existing db, %d articles): %.1f ms (main(): %.1f ms)\n",
        int(builtIn.articles.size()), deskWall, deskMain);
    std::printf("  baseline, a process that only opens the store and builds the index: %.1f ms (main(): %.1f ms)\n",
                baseWall, baseMain);
    {
        const QString freshDb = dir.filePath(QStringLiteral("fresh/hotline.db"));
        QElapsedTimer t;
        t.start();
        Desk d(freshDb);
        waitFor([&]() { return d.ready; }, 60000);
        std::printf("  in this (warm) process, first start on an empty db (installs the built-in catalogue): %.1f ms "
                    "to search usable\n",
                    double(t.nsecsElapsed()) / 1e6);
    }

    std::printf("\nKeystroke → results painted (%d queries typed key by key, %d rounds)\n", int(kQueries.size()),
                rounds);
    const auto [startRss, startChildren] = [&]() {
        Desk d(realDb);
        waitFor([&]() { return d.ready; }, 30000);
        const auto rss = residentKiB();
        const auto keys = measureKeystrokes(d, rounds);
        printLatency("real catalogue: desk (thread + model + paint)", bench::summarize(keys));
        printLatency("real catalogue: baseline, engine alone",
                     bench::summarize(measureEngineAlone(builtIn.articles, synonyms, rounds)));

        // Memory after opening 50 articles, and how long an article takes to show.
        std::printf("\nOpening 50 articles\n");
        std::vector<double> openUs;
        QStringList ids;
        for (const kb::Article &a : builtIn.articles) {
            ids << a.id;
            if (ids.size() == 50) {
                break;
            }
        }
        int shown = 0;
        QObject::connect(d.window.get(), &desk::MainWindow::articleShown, d.window.get(),
                         [&shown](const QString &) { ++shown; });
        for (const QString &id : std::as_const(ids)) {
            const int before = shown;
            QElapsedTimer t;
            t.start();
            d.window->openArticle(id);
            if (waitFor([&]() { return shown > before; }, 30000)) {
                openUs.push_back(double(t.nsecsElapsed()) / 1000.0);
            }
        }
        printLatency("open article → rendered (first includes WebEngine start)", bench::summarize(openUs));
        const auto after = residentKiB();
        std::printf("  resident after start: desk %.1f MiB (no WebEngine helpers yet: %.1f MiB)\n", rss.first / 1024.0,
                    rss.second / 1024.0);
        std::printf("  resident after 50 articles: desk %.1f MiB + WebEngine helpers %.1f MiB = %.1f MiB\n",
                    after.first / 1024.0, after.second / 1024.0, (after.first + after.second) / 1024.0);
        return rss;
    }();
    Q_UNUSED(startRss);
    Q_UNUSED(startChildren);

    if (synthetic > 0) {
        const QList<kb::Article> articles = bench::syntheticCorpus(builtIn.articles, synthetic, 42);
        const QString bigDb = dir.filePath(QStringLiteral("big.db"));
        if (!makeDatabase(bigDb, kb::Catalogue{articles, builtIn.offices}, synonyms)) {
            return 1;
        }
        std::printf("\nKeystroke → results painted at %d articles\n", int(articles.size()));
        Desk d(bigDb);
        QElapsedTimer t;
        t.start();
        waitFor([&]() { return d.ready; }, 120000);
        std::printf("  catalogue ready after %.1f ms (store read + index build on the search thread)\n",
                    double(t.nsecsElapsed()) / 1e6);
        printLatency("10k: desk (thread + model + paint)", bench::summarize(measureKeystrokes(d, rounds)));
        printLatency("10k: baseline, engine alone", bench::summarize(measureEngineAlone(articles, synonyms, rounds)));
    }
    std::printf("\nGoal: keystroke → painted p99 ≤ 16 ms; cold start → search usable ≤ 1000 ms.\n");
    return 0;
}
