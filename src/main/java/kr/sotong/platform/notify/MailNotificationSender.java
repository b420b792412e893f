package kr.sotong.platform.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import kr.sotong.platform.FileStore;
import kr.sotong.platform.Notification;
import kr.sotong.platform.NotificationSender;
import kr.sotong.platform.config.PlatformProperties;
import org.springframework.core.io.InputStreamSource;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** E-mail over SMTP (Spring Mail), with attachments from the file store. */
@Component
class MailNotificationSender implements NotificationSender {

    private final JavaMailSender mail;
    private final FileStore files;
    private final String from;

    MailNotificationSender(JavaMailSender mail, FileStore files, PlatformProperties properties) {
        this.mail = mail;
        this.files = files;
        this.from = properties.notifications().mailFrom();
    }

    @Override
    public Notification.Channel channel() {
        return Notification.Channel.EMAIL;
    }

    @Override
    public void send(long outboxId, Notification n) throws Failure {
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, !n.attachments().isEmpty(), "UTF-8");
            helper.setFrom(from);
            helper.setTo(n.recipient());
            helper.setSubject(n.subject());
            helper.setText(n.body(), false);
            for (Notification.Attachment a : n.attachments()) {
                String sha = a.sha256();
                InputStreamSource source = () -> {
                    InputStream in = files.open(sha);
                    return in;
                };
                helper.addAttachment(a.fileName(), source, files.find(sha).map(f -> f.mediaType())
                        .orElse("application/octet-stream"));
            }
            message.setHeader("X-Sotong-Notification", Long.toString(outboxId));
            mail.send(message);
        } catch (MailAuthenticationException e) {
            throw new Failure("SMTP 인증 실패: " + e.getMessage(), false, e);
        } catch (MailSendException e) {
            boolean permanent = e.getFailedMessages().values().stream()
                    .anyMatch(x -> x instanceof SendFailedException sf && sf.getInvalidAddresses() != null
                            && sf.getInvalidAddresses().length > 0);
            throw new Failure("메일 발송 실패: " + e.getMessage(), permanent, e);
        } catch (MailException e) {
            throw new Failure("메일 발송 실패: " + e.getMessage(), false, e);
        } catch (AddressException e) {
            throw new Failure("받는 주소가 올바르지 않습니다: " + e.getMessage(), true, e);
        } catch (MessagingException e) {
            throw new Failure("메일 작성 실패: " + e.getMessage(), true, e);
        }
    }
}
