#include "screenshot.h"

#include "mainwindow.h"
#include "searchpanel.h"

#include <QApplication>
#include <QLineEdit>
#include <QPixmap>
#include <QTimer>

#include <cstdio>

namespace desk {

void scheduleScreenshot(MainWindow *window, const QString &file, const QString &query, int timeoutMs)
{
    const auto fail = [](const char *what) {
        std::fprintf(stderr, "screenshot: %s\n", what);
        QCoreApplication::exit(1);
    };
    QTimer::singleShot(timeoutMs, window, [fail]() { fail("timed out"); });
    const auto typeQuery = [window, query]() {
        QLineEdit *edit = window->searchPanel()->searchEdit();
        edit->setFocus();
        // One character at a time, as an agent types: every prefix is searched.
        for (qsizetype i = 1; i <= query.size(); ++i) {
            edit->setText(query.left(i));
        }
    };
    QObject::connect(
        window, &MainWindow::catalogueReady, window, [typeQuery](int) { typeQuery(); }, Qt::SingleShotConnection);
    QObject::connect(window->searchPanel(), &SearchPanel::resultsShown, window, [window, query](quint64, int count) {
        if (count > 0 && window->searchPanel()->searchEdit()->text() == query) {
            window->openArticle(window->searchPanel()->resultModel()->item(0).id);
        }
    });
    QObject::connect(window, &MainWindow::articleShown, window, [window, file, fail](const QString &) {
        // Give WebEngine a moment to paint the loaded page into the widget.
        QTimer::singleShot(1200, window, [window, file, fail]() {
            window->searchPanel()->searchEdit()->setFocus();
            if (!window->grab().save(file)) {
                fail("could not save the image");
                return;
            }
            std::fprintf(stdout, "screenshot: saved %s\n", qPrintable(file));
            QCoreApplication::exit(0);
        });
    });
}

} // namespace desk
