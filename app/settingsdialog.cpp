#include "settingsdialog.h"

#include "callsettingspages.h"
#include "formfield.h"
#include "serversettingspage.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace desk {

SettingsDialog::SettingsDialog(DeskSettings *settings, const QString &defaultDatabasePath, QWidget *parent)
    : QDialog(parent), m_settings(settings), m_defaultDatabasePath(defaultDatabasePath), m_pages(new QListWidget(this)),
      m_stack(new QStackedWidget(this)), m_dbLabel(new QLabel(this)), m_dbPath(new QLineEdit(this)),
      m_browse(new QPushButton(this)), m_useDefault(new QPushButton(this)), m_languageLabel(new QLabel(this)),
      m_language(new QComboBox(this)), m_linksLabel(new QLabel(this)), m_links(new QComboBox(this)),
      m_restartHint(new QLabel(this)), m_telephonyText(new QLabel(this)), m_mailText(new QLabel(this)),
      m_telephonyPage(new TelephonySettingsPage(this)), m_mailPage(new MailSettingsPage(this))
{
    setObjectName(QStringLiteral("SettingsDialog"));
    auto *general = new QWidget(m_stack);
    auto *form = new QFormLayout(general);
    auto *dbRow = new QHBoxLayout;
    dbRow->addWidget(m_dbPath, 1);
    dbRow->addWidget(m_browse);
    dbRow->addWidget(m_useDefault);
    form->addRow(m_dbLabel, dbRow);
    m_dbLabel->setBuddy(m_dbPath);
    form->addRow(m_languageLabel, m_language);
    m_languageLabel->setBuddy(m_language);
    form->addRow(m_linksLabel, m_links);
    m_linksLabel->setBuddy(m_links);
    m_restartHint->setWordWrap(true);
    styleAsHint(m_restartHint);
    form->addRow(m_restartHint);
    m_stack->addWidget(general);

    for (auto [text, content] : {std::pair<QLabel *, QWidget *>{m_telephonyText, m_telephonyPage},
                                 std::pair<QLabel *, QWidget *>{m_mailText, m_mailPage}}) {
        auto *page = new QWidget(m_stack);
        auto *l = new QVBoxLayout(page);
        text->setWordWrap(true);
        text->setAlignment(Qt::AlignTop | Qt::AlignLeft);
        l->addWidget(text);
        l->addWidget(content);
        l->addStretch();
        m_stack->addWidget(page);
    }
    m_pages->addItems({QString(), QString(), QString()});
    m_serverPage = new ServerSettingsPage(m_stack); // the shared store (docs/shared-store.md)
    m_stack->addWidget(m_serverPage);
    m_serverItem = new QListWidgetItem(m_pages);
    m_pages->setFixedWidth(140);
    m_dbPath->setMinimumWidth(340);
    m_pages->setCurrentRow(0);
    connect(m_pages, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    auto *top = new QHBoxLayout;
    top->addWidget(m_pages);
    top->addWidget(m_stack, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top, 1);
    layout->addWidget(buttons);

    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_links->addItems({QString(), QString()});
    connect(m_browse, &QPushButton::clicked, this, &SettingsDialog::browseDatabase);
    connect(m_useDefault, &QPushButton::clicked, m_dbPath, &QLineEdit::clear);

    m_dbPath->setText(m_settings->value(DeskSettings::DatabasePath).toString());
    setLanguage(m_settings->language());
    m_links->setCurrentIndex(m_settings->linkHandling() == LinkHandling::InAppTab ? 1 : 0);
    {
        QSettings calls;
        m_telephonyPage->load(calls);
        m_mailPage->load(calls);
    }
    for (QPushButton *b : buttons->findChildren<QPushButton *>()) {
        b->setAccessibleName(b->text().remove(QLatin1Char('&')));
        b->setAccessibleDescription(b == buttons->button(QDialogButtonBox::Ok) ? tr("Save the settings")
                                                                               : tr("Close without saving"));
    }
    resize(760, 340);
    retranslateUi();
}

SettingsDialog::~SettingsDialog() = default;

QString SettingsDialog::databasePath() const
{
    return m_dbPath->text().trimmed();
}

QString SettingsDialog::language() const
{
    return m_language->currentData().toString();
}

LinkHandling SettingsDialog::linkHandling() const
{
    return m_links->currentIndex() == 1 ? LinkHandling::InAppTab : LinkHandling::SystemBrowser;
}

void SettingsDialog::setLanguage(const QString &code)
{
    const int index = m_language->findData(code);
    m_language->setCurrentIndex(index < 0 ? 0 : index);
}

void SettingsDialog::accept()
{
    // TLS files the SIP engine could not use: the telephony page shows why and where; nothing is saved yet.
    if (!m_telephonyPage->validate()) {
        m_pages->setCurrentRow(1);
        return;
    }
    m_settings->setValue(DeskSettings::DatabasePath, databasePath());
    m_settings->setValue(DeskSettings::Language, language());
    m_settings->setLinkHandling(linkHandling());
    m_settings->sync();
    {
        QSettings calls; // telephony and mail apply at the next start of the desk, desktop notifications at once
        m_telephonyPage->save(calls);
        m_mailPage->save(calls);
    }
    m_serverPage->apply();
    Q_EMIT serverSettingsApplied(m_serverPage->config(), m_serverPage->isPasswordKnown());
    QDialog::accept();
}

void SettingsDialog::browseDatabase()
{
    const QString start = databasePath().isEmpty() ? m_defaultDatabasePath : databasePath();
    const QString path = QFileDialog::getSaveFileName(this, tr("Catalogue database"), start,
                                                      tr("SQLite databases (*.sqlite *.db);;All files (*)"), nullptr,
                                                      QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty()) {
        m_dbPath->setText(path);
    }
}

void SettingsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QDialog::changeEvent(event);
}

void SettingsDialog::retranslateUi()
{
    setWindowTitle(tr("Settings"));
    m_pages->item(0)->setText(tr("General"));
    m_pages->item(1)->setText(tr("Telephony"));
    m_pages->item(2)->setText(tr("Mail"));
    m_serverItem->setText(tr("Server"));
    m_pages->setAccessibleName(tr("Settings pages"));
    m_pages->setAccessibleDescription(tr("Choose a page of settings"));
    m_dbLabel->setText(tr("&Catalogue database:"));
    m_dbPath->setPlaceholderText(tr("Default: %1").arg(m_defaultDatabasePath));
    m_dbPath->setToolTip(tr("Default: %1").arg(m_defaultDatabasePath));
    m_dbPath->setAccessibleName(tr("Catalogue database"));
    m_dbPath->setAccessibleDescription(tr("Path of the SQLite catalogue. Empty uses the default location."));
    m_browse->setText(tr("&Browse…"));
    m_browse->setAccessibleName(tr("Browse for the catalogue database"));
    m_browse->setAccessibleDescription(tr("Opens a file dialog to choose the database file"));
    m_useDefault->setText(tr("&Default"));
    m_useDefault->setAccessibleName(tr("Use the default database"));
    m_useDefault->setAccessibleDescription(tr("Clears the path so the default location is used"));
    m_languageLabel->setText(tr("&Language:"));
    m_language->setAccessibleName(tr("Language"));
    m_language->setAccessibleDescription(tr("Language of the desk; applies at once"));
    m_linksLabel->setText(tr("Open lin&ks in:"));
    m_links->setItemText(0, tr("System web browser"));
    m_links->setItemText(1, tr("Tab inside the desk"));
    m_links->setAccessibleName(tr("Open links in"));
    m_links->setAccessibleDescription(tr("Where links to online services open when you click them"));
    m_restartHint->setText(tr("Language and link handling apply at once. A new database path is opened when you "
                              "press OK; a new, empty database is filled with the built-in catalogue."));
    m_telephonyText->setText(tr("<b>Telephony</b><p>Changes apply at the next start of the desk.</p>"));
    m_mailText->setText(tr("<b>Mail and business calendar</b><p>Changes apply at the next start of the desk.</p>"));
}

} // namespace desk
