#include "deadlinesdialog.h"

#include "journalstore.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QComboBox>
#include <QCompleter>
#include <QFormLayout>
#include <QGridLayout>
#include <QHash>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

namespace desk {

namespace {

enum class Scope { Office, Service };

constexpr int kMaxHours = 24 * 365;

void fillModes(QComboBox *mode)
{
    mode->addItem(DeadlinesDialog::tr("Working days (24 h a day)"),
                  static_cast<int>(journal::DeadlineRule::Mode::WorkingDays));
    mode->addItem(DeadlinesDialog::tr("Working hours (service hours only)"),
                  static_cast<int>(journal::DeadlineRule::Mode::WorkingHours));
}

void setRule(QComboBox *mode, QSpinBox *hours, const journal::DeadlineRule &rule)
{
    mode->setCurrentIndex(mode->findData(static_cast<int>(rule.mode)));
    hours->setValue(rule.hours);
}

journal::DeadlineRule ruleOf(const QComboBox *mode, const QSpinBox *hours)
{
    journal::DeadlineRule rule;
    rule.mode = static_cast<journal::DeadlineRule::Mode>(mode->currentData().toInt());
    rule.hours = hours->value();
    return rule;
}

void setupHours(QSpinBox *hours)
{
    hours->setRange(1, kMaxHours);
    hours->setSuffix(DeadlinesDialog::tr(" h"));
    hours->setValue(24);
}

} // namespace

DeadlinesDialog::DeadlinesDialog(journal::JournalStore *store, const QList<kb::Office> &offices,
                                 const QList<Service> &services, QWidget *parent)
    : SavingDialog(parent), m_store(store), m_offices(offices), m_services(services),
      m_defaultMode(new QComboBox(this)), m_defaultHours(new QSpinBox(this)), m_grid(new QGridLayout),
      m_add(new QPushButton(this)), m_empty(new QLabel(this))
{
    setObjectName(QStringLiteral("DeadlinesDialog"));
    setWindowTitle(tr("Deadlines"));
    resize(860, 460);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Deadlines of forwarded questions. A service's own rule wins over its office's rule, "
                                "which wins over the default."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    m_defaultMode->setObjectName(QStringLiteral("defaultMode"));
    fillModes(m_defaultMode);
    m_defaultHours->setObjectName(QStringLiteral("defaultHours"));
    setupHours(m_defaultHours);
    form->addRow(tr("&Default rule:"), m_defaultMode);
    form->addRow(tr("Default &length:"), m_defaultHours);
    m_defaultMode->setAccessibleName(tr("Default rule"));
    m_defaultMode->setAccessibleDescription(tr("How the deadline of every other forward is counted"));
    m_defaultHours->setAccessibleName(tr("Default length in hours"));
    m_defaultHours->setAccessibleDescription(tr("24 hours of working days are the 115 service promise"));
    layout->addLayout(form);

    auto *exceptionsTitle = new QLabel(tr("Exceptions"), this);
    QFont bold = exceptionsTitle->font();
    bold.setBold(true);
    exceptionsTitle->setFont(bold);
    layout->addWidget(exceptionsTitle);
    for (const QString &header : {tr("Scope"), tr("Office or service"), tr("Rule"), tr("Hours"), QString()}) {
        auto *label = new QLabel(header, this);
        label->setFont(bold);
        m_headers << label;
    }
    auto *rows = new QWidget(this);
    auto *rowsLayout = new QVBoxLayout(rows);
    rowsLayout->addLayout(m_grid);
    m_empty->setText(tr("No exceptions: every forward gets the default rule."));
    rowsLayout->addWidget(m_empty);
    rowsLayout->addStretch(1);
    m_grid->setColumnStretch(1, 1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(rows);
    scroll->setFocusPolicy(Qt::NoFocus);
    layout->addWidget(scroll, 1);

    m_add->setObjectName(QStringLiteral("addException"));
    m_add->setText(tr("&Add exception"));
    m_add->setAccessibleName(tr("Add exception"));
    m_add->setAccessibleDescription(tr("A new row for an office or a service with its own rule"));
    connect(m_add, &QPushButton::clicked, this, [this]() { addException(); });
    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_add);
    auto *hint = new QLabel(tr("Ctrl+Del removes the row with the focus."), this);
    addRow->addWidget(hint, 1);
    layout->addLayout(addRow);

    addStatusLine(layout, tr("Deadlines status"))->setObjectName(QStringLiteral("message"));
    addButtons(layout, tr("Saves the deadline rules for every desk"));
    load();
    m_defaultMode->setFocus(Qt::OtherFocusReason);
}

DeadlinesDialog::~DeadlinesDialog() = default;

void DeadlinesDialog::setShared(ServerJournal server)
{
    m_server = std::move(server);
    load();
}

void DeadlinesDialog::setUpdatedBy(const QString &name)
{
    m_updatedBy = name;
}

bool DeadlinesDialog::isShowingServer() const
{
    return m_showingServer;
}

int DeadlinesDialog::exceptionCount() const
{
    return static_cast<int>(m_rows.size());
}

bool DeadlinesDialog::savesOnServer() const
{
    return bool(m_server);
}

void DeadlinesDialog::load()
{
    m_showingServer = false;
    QString note;
    std::optional<journal::DeadlinePolicy> loaded;
    QString error;
    if (m_server) {
        QString why;
        if (const std::shared_ptr<journal::JournalStore> server = m_server(&why)) {
            loaded = server->deadlinePolicy(&error);
            m_showingServer = loaded.has_value();
            if (!loaded) {
                note = tr("The deadline rules could not be read: %1").arg(error);
            }
        } else {
            note = tr("The server is not reachable: this is the desk's copy of the deadline rules. They are saved on "
                      "the server only; please try again when it is reachable.");
        }
    }
    if (!loaded && m_store) {
        loaded = m_store->deadlinePolicy(&error);
        if (!loaded && note.isEmpty()) {
            note = tr("The deadline rules could not be read: %1").arg(error);
        }
    }
    setPolicy(loaded.value_or(journal::DeadlinePolicy{}));
    showMessage(note, !note.isEmpty());
}

void DeadlinesDialog::setPolicy(const journal::DeadlinePolicy &policy)
{
    while (!m_rows.isEmpty()) {
        removeException(static_cast<int>(m_rows.size()) - 1);
    }
    setRule(m_defaultMode, m_defaultHours, policy.defaultRule);
    const auto addAll = [this](const QHash<QString, journal::DeadlineRule> &rules, Scope scope) {
        QStringList ids = rules.keys();
        ids.sort();
        for (const QString &id : ids) {
            const int index = addException();
            Row &row = m_rows[index];
            row.scope->setCurrentIndex(row.scope->findData(static_cast<int>(scope)));
            fillTargets(row, id);
            setRule(row.mode, row.hours, rules.value(id));
        }
    };
    addAll(policy.byOffice, Scope::Office);
    addAll(policy.byService, Scope::Service);
    m_defaultMode->setFocus(Qt::OtherFocusReason);
}

void DeadlinesDialog::fillTargets(const Row &row, const QString &selectId)
{
    const bool office = row.scope->currentData().toInt() == static_cast<int>(Scope::Office);
    row.target->clear();
    if (office) {
        for (const kb::Office &o : m_offices) {
            row.target->addItem(o.name.isEmpty() ? o.id : o.name, o.id);
        }
    } else {
        for (const Service &s : m_services) {
            row.target->addItem(s.title.isEmpty() ? s.id : s.title, s.id);
        }
    }
    int index = selectId.isEmpty() ? -1 : row.target->findData(selectId);
    if (index < 0 && !selectId.isEmpty()) {
        // A rule for an id the catalogue no longer has stays visible (and is kept unless removed).
        row.target->addItem(tr("%1 (not in the catalogue)").arg(selectId), selectId);
        index = row.target->count() - 1;
    }
    row.target->setCurrentIndex(index);
    if (index < 0) {
        row.target->setEditText(QString());
    }
}

int DeadlinesDialog::addException()
{
    Row row;
    row.scope = new QComboBox(this);
    row.scope->addItem(tr("Office"), static_cast<int>(Scope::Office));
    row.scope->addItem(tr("Service"), static_cast<int>(Scope::Service));
    row.target = new QComboBox(this);
    row.target->setEditable(true);
    row.target->setInsertPolicy(QComboBox::NoInsert);
    row.target->completer()->setFilterMode(Qt::MatchContains);
    row.target->completer()->setCompletionMode(QCompleter::PopupCompletion);
    row.target->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    row.mode = new QComboBox(this);
    fillModes(row.mode);
    row.hours = new QSpinBox(this);
    setupHours(row.hours);
    row.remove = new QPushButton(tr("Remove"), this);
    // Ctrl+Del in any field of the row removes it (an event filter, so that the line edits' own Ctrl+Del, delete
    // the next word, does not take the key first).
    for (QWidget *w : {static_cast<QWidget *>(row.scope), static_cast<QWidget *>(row.target),
                       static_cast<QWidget *>(row.target->lineEdit()), static_cast<QWidget *>(row.mode),
                       static_cast<QWidget *>(row.hours), static_cast<QWidget *>(row.remove)}) {
        w->installEventFilter(this);
    }
    m_rows << row;
    fillTargets(row, QString());
    connect(row.scope, &QComboBox::currentIndexChanged, this, [this, scope = row.scope]() {
        const int index = rowOf(scope);
        if (index >= 0) {
            fillTargets(m_rows.at(index), QString());
        }
    });
    connect(row.remove, &QPushButton::clicked, this, [this, button = row.remove]() {
        const int index = rowOf(button);
        if (index >= 0) {
            removeException(index);
        }
    });
    relayout();
    row.scope->setFocus(Qt::OtherFocusReason);
    return static_cast<int>(m_rows.size()) - 1;
}

void DeadlinesDialog::removeException(int index)
{
    if (index < 0 || index >= m_rows.size()) {
        return;
    }
    const Row row = m_rows.takeAt(index);
    for (QWidget *w :
         {static_cast<QWidget *>(row.scope), static_cast<QWidget *>(row.target), static_cast<QWidget *>(row.mode),
          static_cast<QWidget *>(row.hours), static_cast<QWidget *>(row.remove)}) {
        w->hide();
        w->deleteLater();
    }
    relayout();
    if (m_rows.isEmpty()) {
        m_add->setFocus(Qt::OtherFocusReason);
    } else {
        m_rows.at(std::min<int>(index, static_cast<int>(m_rows.size()) - 1)).scope->setFocus(Qt::OtherFocusReason);
    }
}

bool DeadlinesDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress || event->type() == QEvent::ShortcutOverride) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Delete && key->modifiers() == Qt::ControlModifier) {
            if (event->type() == QEvent::ShortcutOverride) {
                event->accept(); // the key comes to us as a key press, not to a shortcut
                return true;
            }
            const int row = rowOf(qobject_cast<QWidget *>(watched));
            if (row >= 0) {
                removeException(row);
                return true;
            }
        }
    }
    return QDialog::eventFilter(watched, event);
}

int DeadlinesDialog::rowOf(const QWidget *widget) const
{
    for (int i = 0; widget && i < m_rows.size(); ++i) {
        const Row &r = m_rows.at(i);
        for (const QWidget *w : {static_cast<const QWidget *>(r.scope), static_cast<const QWidget *>(r.target),
                                 static_cast<const QWidget *>(r.mode), static_cast<const QWidget *>(r.hours),
                                 static_cast<const QWidget *>(r.remove)}) {
            if (w == widget || w->isAncestorOf(widget)) {
                return i;
            }
        }
    }
    return -1;
}

void DeadlinesDialog::relayout()
{
    while (QLayoutItem *item = m_grid->takeAt(0)) {
        delete item; // the widgets stay (owned by the dialog)
    }
    for (int c = 0; c < m_headers.size(); ++c) {
        m_grid->addWidget(m_headers.at(c), 0, c);
        m_headers.at(c)->setVisible(!m_rows.isEmpty());
    }
    m_empty->setVisible(m_rows.isEmpty());
    QWidget *previous = m_defaultHours;
    const auto chain = [&previous](QWidget *next) {
        QWidget::setTabOrder(previous, next);
        previous = next;
    };
    for (int i = 0; i < m_rows.size(); ++i) {
        const Row &r = m_rows.at(i);
        const int n = i + 1;
        m_grid->addWidget(r.scope, n, 0);
        m_grid->addWidget(r.target, n, 1);
        m_grid->addWidget(r.mode, n, 2);
        m_grid->addWidget(r.hours, n, 3);
        m_grid->addWidget(r.remove, n, 4);
        r.scope->setObjectName(QStringLiteral("scope%1").arg(n));
        r.target->setObjectName(QStringLiteral("target%1").arg(n));
        r.mode->setObjectName(QStringLiteral("mode%1").arg(n));
        r.hours->setObjectName(QStringLiteral("hours%1").arg(n));
        r.remove->setObjectName(QStringLiteral("remove%1").arg(n));
        r.scope->setAccessibleName(tr("Exception %1: scope").arg(n));
        r.scope->setAccessibleDescription(tr("Whether the rule is an office's or a service's"));
        r.target->setAccessibleName(tr("Exception %1: office or service").arg(n));
        r.target->setAccessibleDescription(tr("Type part of the name to pick it from the catalogue"));
        r.mode->setAccessibleName(tr("Exception %1: rule").arg(n));
        r.mode->setAccessibleDescription(tr("How the deadline is counted"));
        r.hours->setAccessibleName(tr("Exception %1: length in hours").arg(n));
        r.hours->setAccessibleDescription(tr("Hours counted under the rule"));
        r.remove->setAccessibleName(tr("Remove exception %1").arg(n));
        r.remove->setAccessibleDescription(tr("Deletes this row; Ctrl+Del does the same"));
        for (QWidget *w :
             {static_cast<QWidget *>(r.scope), static_cast<QWidget *>(r.target), static_cast<QWidget *>(r.mode),
              static_cast<QWidget *>(r.hours), static_cast<QWidget *>(r.remove)}) {
            w->show();
            chain(w);
        }
    }
    chain(m_add);
}

std::optional<journal::DeadlinePolicy> DeadlinesDialog::policy(QString *error) const
{
    journal::DeadlinePolicy policy;
    policy.defaultRule = ruleOf(m_defaultMode, m_defaultHours);
    QHash<QString, int> officeRows;
    QHash<QString, int> serviceRows;
    for (int i = 0; i < m_rows.size(); ++i) {
        const Row &r = m_rows.at(i);
        const int n = i + 1;
        const bool office = r.scope->currentData().toInt() == static_cast<int>(Scope::Office);
        const QString text = r.target->currentText().trimmed();
        int index = r.target->currentIndex();
        if (index < 0 || r.target->itemText(index) != text) {
            index = text.isEmpty() ? -1 : r.target->findText(text, Qt::MatchFixedString);
        }
        if (index < 0 && !text.isEmpty()) {
            // Part of a name is enough when it names exactly one entry ("orleans").
            QStringList matches;
            for (int i = 0; i < r.target->count(); ++i) {
                if (r.target->itemText(i).contains(text, Qt::CaseInsensitive)) {
                    matches << r.target->itemText(i);
                    index = matches.size() == 1 ? i : -1;
                }
            }
            if (matches.size() > 1) {
                if (error) {
                    *error = tr("Exception %1: \"%2\" matches %3 entries (%4); please type more of the name.")
                                 .arg(n)
                                 .arg(text)
                                 .arg(matches.size())
                                 .arg(QStringList(matches.mid(0, 3)).join(QStringLiteral("; ")));
                }
                r.target->setFocus(Qt::OtherFocusReason);
                return std::nullopt;
            }
        }
        if (index < 0) {
            if (error) {
                *error = text.isEmpty()
                             ? (office ? tr("Exception %1: choose an office.").arg(n)
                                       : tr("Exception %1: choose a service.").arg(n))
                             : (office ? tr("Exception %1: \"%2\" is no office of the catalogue.").arg(n).arg(text)
                                       : tr("Exception %1: \"%2\" is no service of the catalogue.").arg(n).arg(text));
            }
            r.target->setFocus(Qt::OtherFocusReason);
            return std::nullopt;
        }
        const QString id = r.target->itemData(index).toString();
        QHash<QString, int> &seen = office ? officeRows : serviceRows;
        if (const auto it = seen.constFind(id); it != seen.constEnd()) {
            if (error) {
                *error = tr("Exception %1: %2 already has a rule in exception %3.")
                             .arg(n)
                             .arg(r.target->itemText(index))
                             .arg(*it);
            }
            r.target->setFocus(Qt::OtherFocusReason);
            return std::nullopt;
        }
        seen.insert(id, n);
        (office ? policy.byOffice : policy.byService).insert(id, ruleOf(r.mode, r.hours));
    }
    QString invalid;
    if (!policy.validate(&invalid)) {
        if (error) {
            *error = tr("The rules cannot be saved: %1").arg(invalid);
        }
        return std::nullopt;
    }
    return policy;
}

bool DeadlinesDialog::save(QString *error)
{
    const std::optional<journal::DeadlinePolicy> edited = policy(error);
    if (!edited) {
        return false;
    }
    if (m_server) {
        // Shared mode: the server's policy or nothing, so that every desk applies the same rules.
        QString why;
        const std::shared_ptr<journal::JournalStore> server = m_server(&why);
        if (!server) {
            *error = tr("The server is not reachable: in shared mode the deadline rules are saved on the server. "
                        "Nothing was saved; please try again later.");
            return false;
        }
        QString serverError;
        if (!server->setDeadlinePolicy(*edited, &serverError, m_updatedBy)) {
            *error = tr("The server refused the change: %1").arg(serverError);
            return false;
        }
    } else {
        if (!m_store) {
            *error = tr("The call journal is not open.");
            return false;
        }
        QString storeError;
        if (!m_store->setDeadlinePolicy(*edited, &storeError, m_updatedBy)) {
            *error = tr("Not saved: %1").arg(storeError);
            return false;
        }
    }
    Q_EMIT policySaved(*edited);
    return true;
}

} // namespace desk
