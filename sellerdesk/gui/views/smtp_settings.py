"""Dialog for the seller's own SMTP server. The password goes to the OS keyring, not the database.

A view: it shows and returns values; the controller validates and stores them through
``sellerdesk.services.outbox``.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sellerdesk.services.outbox import DEFAULT_PORTS, SECURITY_MODES, SmtpSettings


class SmtpSettingsDialog(QDialog):
    """Host, port, security, user, sender; password kept in the system keyring."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("smtpSettingsDialog")
        self.setWindowTitle(self.tr("SMTP settings"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Optional: send replies through your own mail server. Use the address you "
                "registered on Amazon's Messaging Permissions page, or Amazon rejects the mail. "
                "The password is kept in your system's keyring, never in SellerDesk's data."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.host_edit = QLineEdit(self)
        self.host_edit.setObjectName("smtpHost")
        self.host_edit.setPlaceholderText("smtp.example.com")
        self.port_spin = QSpinBox(self)
        self.port_spin.setObjectName("smtpPort")
        self.port_spin.setRange(1, 65535)
        self.security_combo = QComboBox(self)
        self.security_combo.setObjectName("smtpSecurity")
        labels = {
            "starttls": self.tr("STARTTLS (port 587)"),
            "ssl": self.tr("SSL/TLS (port 465)"),
            "none": self.tr("None (unencrypted)"),
        }
        for mode in SECURITY_MODES:
            self.security_combo.addItem(labels[mode], mode)
        self.security_combo.currentIndexChanged.connect(self._suggest_port)
        self.user_edit = QLineEdit(self)
        self.user_edit.setObjectName("smtpUser")
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("smtpPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.forget_check = QCheckBox(self.tr("Forget the stored password"), self)
        self.forget_check.setObjectName("smtpForget")
        self.from_edit = QLineEdit(self)
        self.from_edit.setObjectName("smtpFrom")
        self.from_edit.setPlaceholderText("shop@example.com")
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("smtpFromName")
        form.addRow(self.tr("Server:"), self.host_edit)
        form.addRow(self.tr("Security:"), self.security_combo)
        form.addRow(self.tr("Port:"), self.port_spin)
        form.addRow(self.tr("User name:"), self.user_edit)
        form.addRow(self.tr("Password:"), self.password_edit)
        form.addRow("", self.forget_check)
        form.addRow(self.tr("Send from address:"), self.from_edit)
        form.addRow(self.tr("Sender name:"), self.name_edit)
        layout.addLayout(form)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("smtpError")
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.set_settings(SmtpSettings(), has_password=False)

    def _suggest_port(self) -> None:
        mode = str(self.security_combo.currentData())
        if self.port_spin.value() in DEFAULT_PORTS.values():
            self.port_spin.setValue(DEFAULT_PORTS[mode])

    def set_settings(self, settings: SmtpSettings, has_password: bool) -> None:
        self.host_edit.setText(settings.host)
        index = self.security_combo.findData(settings.security)
        self.security_combo.setCurrentIndex(max(index, 0))
        self.port_spin.setValue(settings.port)
        self.user_edit.setText(settings.username)
        self.from_edit.setText(settings.from_address)
        self.name_edit.setText(settings.from_name)
        self.password_edit.clear()
        self.password_edit.setPlaceholderText(
            self.tr("stored in the system keyring; type to replace")
            if has_password
            else self.tr("not stored")
        )
        self.forget_check.setVisible(has_password)
        self.forget_check.setChecked(False)

    def settings(self) -> SmtpSettings:
        return SmtpSettings(
            host=self.host_edit.text().strip(),
            port=self.port_spin.value(),
            security=str(self.security_combo.currentData()),
            username=self.user_edit.text().strip(),
            from_address=self.from_edit.text().strip(),
            from_name=self.name_edit.text().strip(),
        )

    def new_password(self) -> str | None:
        """The password typed now (None: keep what the keyring holds)."""
        return self.password_edit.text() or None

    def forget_password(self) -> bool:
        return self.forget_check.isChecked()

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
