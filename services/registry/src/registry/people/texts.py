"""Words of the sign-in pages and mails, Bahasa Indonesia first, English on request.

Kept as one table beside the pages: a handful of screens do not need a gettext catalogue yet;
a key missing in a language falls back to Bahasa Indonesia (a test checks both are complete).
"""

from __future__ import annotations

LANGUAGES = ("id", "en")

TEXTS: dict[str, dict[str, str]] = {
    "id": {
        "sign_in_title": "Masuk ke kopmod",
        "sign_in_to": "Masuk untuk melanjutkan ke {client}",
        "email": "Alamat email",
        "password": "Kata sandi",
        "sign_in": "Masuk",
        "forgot_password": "Lupa kata sandi?",
        "error_summary": "Ada masalah",
        "signin_failed": "Email atau kata sandi salah, atau akun ini sedang dijeda. Coba lagi "
        "beberapa menit lagi atau atur ulang kata sandi.",
        "email_required": "Masukkan alamat email",
        "password_required": "Masukkan kata sandi",
        "csrf_failed": "Formulir ini sudah kedaluwarsa. Silakan coba lagi.",
        "otp_title": "Kode verifikasi",
        "otp_hint": "Masukkan 6 angka dari aplikasi autentikator Anda, atau salah satu kode "
        "pemulihan.",
        "otp_code": "Kode",
        "otp_failed": "Kode tidak benar",
        "continue": "Lanjutkan",
        "otp_setup_title": "Aktifkan verifikasi dua langkah",
        "otp_setup_hint": "Peran Anda mewajibkan verifikasi dua langkah. Tambahkan kunci ini ke "
        "aplikasi autentikator Anda, lalu masukkan kode 6 angka yang ditampilkan.",
        "otp_key": "Kunci penyiapan",
        "recovery_title": "Kode pemulihan",
        "recovery_hint": "Simpan kode-kode ini di tempat aman. Setiap kode dapat dipakai sekali "
        "jika Anda kehilangan aplikasi autentikator. Kode ini hanya ditampilkan sekarang.",
        "membership_title": "Pilih peran",
        "membership_hint": "Anda memiliki lebih dari satu peran. Pilih peran untuk sesi ini.",
        "membership_required": "Pilih satu peran",
        "error_title": "Permintaan masuk tidak dapat diproses",
        "error_unknown_client": "Aplikasi yang meminta Anda masuk tidak dikenal atau alamat "
        "kembalinya tidak terdaftar. Tutup halaman ini dan kembali ke aplikasi.",
        "signed_out_title": "Anda sudah keluar",
        "signed_out": "Anda telah keluar dari kopmod.",
        "invitation_title": "Buat akun kopmod",
        "name": "Nama lengkap",
        "new_password": "Kata sandi baru",
        "new_password_hint": "Minimal {min} karakter. Hindari kata sandi yang umum.",
        "create_account": "Buat akun",
        "link_invalid": "Tautan ini tidak berlaku lagi. Minta tautan baru.",
        "account_ready": "Akun Anda siap. Anda dapat masuk melalui aplikasi kopmod.",
        "reset_title": "Atur ulang kata sandi",
        "reset_request_hint": "Kami akan mengirim tautan ke alamat email Anda jika terdaftar.",
        "send_link": "Kirim tautan",
        "reset_sent": "Jika alamat itu terdaftar, tautan untuk mengatur ulang kata sandi "
        "sudah dikirim.",
        "set_password": "Simpan kata sandi",
        "password_set": "Kata sandi Anda sudah diganti. Semua sesi lain telah diakhiri.",
        "password_too_short": "Kata sandi minimal {min} karakter",
        "password_too_long": "Kata sandi maksimal 200 karakter",
        "password_common": "Kata sandi ini terlalu umum. Pilih yang lain",
        "password_has_email": "Kata sandi tidak boleh memuat alamat email Anda",
        "name_required": "Masukkan nama lengkap",
        "language": "Bahasa",
        "mail_invite_subject": "Undangan ke kopmod",
        "mail_invite_body": "Halo {name},\n\n{inviter} mengundang Anda ke kopmod sebagai "
        "{role}.\nBuat akun Anda melalui tautan ini (berlaku sampai {expires}):\n\n{link}\n\n"
        "Jika Anda tidak mengharapkan undangan ini, abaikan email ini.\n",
        "mail_reset_subject": "Atur ulang kata sandi kopmod",
        "mail_reset_body": "Halo {name},\n\nAtur ulang kata sandi Anda melalui tautan ini "
        "(berlaku sampai {expires}, sekali pakai):\n\n{link}\n\nJika Anda tidak memintanya, "
        "abaikan email ini; kata sandi Anda tidak berubah.\n",
        "mail_locked_subject": "Akun kopmod Anda dikunci",
        "mail_locked_body": "Halo {name},\n\nAkun Anda dikunci setelah {count} kali gagal "
        "masuk. Jika itu bukan Anda, seseorang mungkin mencoba menebak kata sandi Anda.\n"
        "Untuk membukanya, atur ulang kata sandi di:\n\n{link}\n",
        "mail_email_subject": "Konfirmasi alamat email kopmod",
        "mail_email_body": "Halo {name},\n\nKonfirmasi alamat email baru Anda melalui tautan "
        "ini (berlaku sampai {expires}):\n\n{link}\n",
        "email_changed": "Alamat email Anda sudah diganti. Semua sesi lain telah diakhiri.",
    },
    "en": {
        "sign_in_title": "Sign in to kopmod",
        "sign_in_to": "Sign in to continue to {client}",
        "email": "Email address",
        "password": "Password",
        "sign_in": "Sign in",
        "forgot_password": "Forgotten your password?",
        "error_summary": "There is a problem",
        "signin_failed": "The email or password is wrong, or sign-in to this account is paused. "
        "Try again in a few minutes or reset your password.",
        "email_required": "Enter your email address",
        "password_required": "Enter your password",
        "csrf_failed": "This form has expired. Please try again.",
        "otp_title": "Verification code",
        "otp_hint": "Enter the 6 digits from your authenticator app, or one of your recovery "
        "codes.",
        "otp_code": "Code",
        "otp_failed": "The code is not right",
        "continue": "Continue",
        "otp_setup_title": "Turn on two-step verification",
        "otp_setup_hint": "Your role requires two-step verification. Add this key to your "
        "authenticator app, then enter the 6-digit code it shows.",
        "otp_key": "Setup key",
        "recovery_title": "Recovery codes",
        "recovery_hint": "Keep these codes somewhere safe. Each one works once if you lose your "
        "authenticator app. They are shown only now.",
        "membership_title": "Choose a role",
        "membership_hint": "You hold more than one role. Choose the one for this session.",
        "membership_required": "Choose one role",
        "error_title": "The sign-in request cannot be processed",
        "error_unknown_client": "The application that sent you here is unknown or its return "
        "address is not registered. Close this page and go back to the application.",
        "signed_out_title": "You are signed out",
        "signed_out": "You have signed out of kopmod.",
        "invitation_title": "Create your kopmod account",
        "name": "Full name",
        "new_password": "New password",
        "new_password_hint": "At least {min} characters. Avoid common passwords.",
        "create_account": "Create account",
        "link_invalid": "This link is no longer valid. Ask for a new one.",
        "account_ready": "Your account is ready. You can sign in through a kopmod application.",
        "reset_title": "Reset your password",
        "reset_request_hint": "We will send a link to your email address if it is registered.",
        "send_link": "Send link",
        "reset_sent": "If that address is registered, a link to reset the password has been sent.",
        "set_password": "Save password",
        "password_set": "Your password has been changed. All other sessions have ended.",
        "password_too_short": "The password must have at least {min} characters",
        "password_too_long": "The password must have at most 200 characters",
        "password_common": "This password is too common. Choose another",
        "password_has_email": "The password must not contain your email address",
        "name_required": "Enter your full name",
        "language": "Language",
        "mail_invite_subject": "Your invitation to kopmod",
        "mail_invite_body": "Hello {name},\n\n{inviter} invited you to kopmod as {role}.\n"
        "Create your account with this link (valid until {expires}):\n\n{link}\n\n"
        "If you did not expect this invitation, ignore this email.\n",
        "mail_reset_subject": "Reset your kopmod password",
        "mail_reset_body": "Hello {name},\n\nReset your password with this link (valid until "
        "{expires}, single use):\n\n{link}\n\nIf you did not ask for it, ignore this email; "
        "your password has not changed.\n",
        "mail_locked_subject": "Your kopmod account is locked",
        "mail_locked_body": "Hello {name},\n\nYour account was locked after {count} failed "
        "sign-ins. If that was not you, someone may be guessing your password.\n"
        "To unlock it, reset your password at:\n\n{link}\n",
        "mail_email_subject": "Confirm your kopmod email address",
        "mail_email_body": "Hello {name},\n\nConfirm your new email address with this link "
        "(valid until {expires}):\n\n{link}\n",
        "email_changed": "Your email address has been changed. All other sessions have ended.",
    },
}


def language(requested: str | None) -> str:
    """The first supported language of a ``ui_locales``-style list; Bahasa Indonesia else."""
    for tag in (requested or "").replace(",", " ").split():
        primary = tag.split("-")[0].split(";")[0].lower()
        if primary in LANGUAGES:
            return primary
    return "id"


def t(lang: str, key: str, **values: object) -> str:
    text = TEXTS.get(lang, TEXTS["id"]).get(key) or TEXTS["id"][key]
    return text.format(**values) if values else text
