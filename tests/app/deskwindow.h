#pragma once

#include "desksettings.h"
#include "language.h"
#include "mainwindow.h"
#include "memorystore.h"
#include "searchservice.h"

#include <QString>

#include <memory>

class QLineEdit;

namespace kb {
class SearchResultModel;
}

namespace desk {
class SearchPanel;
}

namespace deskfixtures {

// One desk as main() builds it, on a test catalogue: shown, active, its catalogue loaded.
struct DeskWindow
{
    explicit DeskWindow(kb::Catalogue catalogue = munichSample(), const QString &lang = QStringLiteral("de"));

    desk::SearchPanel *panel() const;
    QLineEdit *edit() const;
    kb::SearchResultModel *results() const;

    // Types like an agent and waits until the answer to the last keystroke is on screen.
    void type(const QString &text);

    desk::DeskSettings settings;
    desk::LanguageManager language;
    desk::SearchService service;
    std::unique_ptr<desk::MainWindow> window;
};

} // namespace deskfixtures
