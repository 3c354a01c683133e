"""Plain email through Django's configured backend, for a service without a Notify account."""

import smtplib

from django.conf import settings
from django.core.mail import EmailMessage

from livingplan.notifications.channels.base import OutgoingMessage, PermanentFailure, Receipt, TransientFailure
from livingplan.notifications.models import Provider


class DjangoEmailChannel:
    def send(self, message: OutgoingMessage) -> Receipt:
        # SMTP has no way to ask "did you already take this one?": a worker killed between the
        # server accepting and us recording may send it again. Notify avoids that (`reference`).
        email = EmailMessage(
            subject=message.subject,
            body=message.body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[message.to],
            headers={"X-Livingplan-Reference": message.reference},
        )
        if message.attachment is not None:
            email.attach(message.attachment.filename, message.attachment.content, message.attachment.mime_type)
        try:
            email.send()
        except smtplib.SMTPRecipientsRefused as error:
            raise PermanentFailure("The email server refused the address") from error
        except (smtplib.SMTPException, OSError) as error:
            raise TransientFailure(f"The email server could not be reached ({type(error).__name__})") from error
        return Receipt(provider=Provider.EMAIL, provider_id=message.reference)
