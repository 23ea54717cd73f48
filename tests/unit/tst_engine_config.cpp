// What BaresipEngine writes for baresip (config file, account lines), the rotating log, and
// the audio selection reconciliation. Pure, no baresip.
#include "engine/audio_devices.h"
#include "engine/audio_probe.h"
#include "engine/baresip_config.h"
#include "engine/rotating_log.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace engine;

namespace {

AccountConfig alice() {
    AccountConfig config;
    config.displayName = QStringLiteral("Alice \"A\"");
    config.user = QStringLiteral("alice");
    config.domain = QStringLiteral("127.0.0.1:5080");
    config.password = QStringLiteral("alice123");
    config.registerIntervalS = 60;
    return config;
}

}  // namespace

class EngineConfigTest : public QObject {
    Q_OBJECT
  private slots:
    void accountLine() {
        const AccountLine line = baresipAccountLine(alice(), true);
        QVERIFY2(line.error.isEmpty(), qPrintable(line.error));
        QCOMPARE(line.line, QStringLiteral("\"Alice A\" <sip:alice@127.0.0.1:5080>;auth_user=alice;"
                                           "auth_pass=alice123;regint=60;answermode=manual;"
                                           "audio_codecs=pcmu,pcma;call_transfer=yes"));
        AccountConfig other = alice();
        other.displayName.clear();
        other.authUser = QStringLiteral("a1");
        other.transport = Transport::Tcp;
        other.outboundProxy = QStringLiteral("127.0.0.1:5070");
        other.allowTransfers = false;
        other.autoAnswer = true;
        const AccountLine second = baresipAccountLine(other, false);
        QCOMPARE(second.line,
                 QStringLiteral("<sip:alice@127.0.0.1:5080;transport=tcp>;auth_user=a1;"
                                "auth_pass=alice123;outbound=\"sip:127.0.0.1:5070\";"
                                "regint=0;answermode=auto;audio_codecs=pcmu,pcma;"
                                "call_transfer=no"));
    }

    void accountLineRefusals_data() {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("domain");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("proxy");
        QTest::newRow("empty user") << ""
                                    << "h"
                                    << ""
                                    << "";
        QTest::newRow("user with space") << "a b"
                                         << "h"
                                         << ""
                                         << "";
        QTest::newRow("bad domain") << "a"
                                    << "h h"
                                    << ""
                                    << "";
        QTest::newRow("password ;") << "a"
                                    << "h"
                                    << "x;regint=1"
                                    << "";
        QTest::newRow("password quote") << "a"
                                        << "h"
                                        << "x\""
                                        << "";
        QTest::newRow("bad proxy") << "a"
                                   << "h"
                                   << ""
                                   << "sip:bad host";
    }
    void accountLineRefusals() {
        QFETCH(QString, user);
        QFETCH(QString, domain);
        QFETCH(QString, password);
        QFETCH(QString, proxy);
        AccountConfig config;
        config.user = user;
        config.domain = domain;
        config.password = password;
        config.outboundProxy = proxy;
        const AccountLine line = baresipAccountLine(config, true);
        QVERIFY(line.line.isEmpty());
        QVERIFY(!line.error.isEmpty());
    }

    void configText() {
        BaresipSettings settings;
        settings.audio = AudioMode::Headless;
        settings.headlessToneHz = 880;
        const BaresipPorts ports{25070, 24441, 26000, 26039};
        const QString text = baresipConfigText(settings, ports);
        QVERIFY(text.contains("sip_listen\t127.0.0.1:25070\n"));
        QVERIFY(text.contains("ctrl_tcp_listen\t127.0.0.1:24441\n"));
        QVERIFY(text.contains("rtp_ports\t26000-26039\n"));
        QVERIFY(text.contains("audio_source\tausine,880\n"));
        QVERIFY(text.contains("net_interface\t127.0.0.1\n"));
        QVERIFY(text.contains("module_app\tctrl_tcp.so\n"));
        QVERIFY(text.contains("module_app\tmenu.so\n"));
        QVERIFY(!text.contains("alsa"));
        settings.audio = AudioMode::System;
        const QString system = baresipConfigText(settings, ports);
        QVERIFY(system.contains("audio_player\talsa,default\n"));
        QVERIFY(system.contains("module\talsa.so\n"));
        QVERIFY(!system.contains("ausine"));
    }

    void normalizesAors() {
        QCOMPARE(normalizedAor("sip:alice@h:5080;transport=tcp"),
                 QStringLiteral("sip:alice@h:5080"));
        QCOMPARE(normalizedAor("<sip:alice@h>"), QStringLiteral("sip:alice@h"));
    }

    void rotatingLog() {
        QTemporaryDir dir;
        RotatingLog log;
        const QString path = dir.filePath("baresip.log");
        QVERIFY(log.open(path, 4096, 3));
        const QByteArray line(1000, 'x');
        for (int i = 0; i < 20; ++i) {
            log.write(line + QByteArray::number(i) + '\n');
        }
        QVERIFY(QFileInfo(path).size() <= 4096);
        QVERIFY(QFileInfo::exists(path + ".1"));
        QVERIFY(QFileInfo::exists(path + ".2"));
        QVERIFY(!QFileInfo::exists(path + ".3"));
        QVERIFY(log.tail(20).endsWith("19\n"));
    }

    void audioSelectionFollowsRemoval() {
        const QList<AudioDevice> inputs{{"mic1", "Mic 1", true}};
        const QList<AudioDevice> outputs{{"spk1", "Speaker 1", true},
                                         {"usb", "USB headset", false}};
        bool inGone = true, outGone = true;
        AudioDeviceSelection kept =
            reconcileAudioSelection({"mic1", "usb"}, inputs, outputs, &inGone, &outGone);
        QCOMPARE(kept, (AudioDeviceSelection{"mic1", "usb"}));
        QVERIFY(!inGone && !outGone);
        const AudioDeviceSelection fixed =
            reconcileAudioSelection({"mic1", "usb"}, inputs, {outputs.first()}, &inGone, &outGone);
        QCOMPARE(fixed, (AudioDeviceSelection{"mic1", ""}));
        QVERIFY(!inGone && outGone);
        QCOMPARE(reconcileAudioSelection({}, {}, {}), AudioDeviceSelection{});
    }

    // Without a card or a sound server alsa's "default" PCM does not exist: headless audio.
    void audioProbe() {
        const QString noCards = QStringLiteral("--- no soundcards ---\n");
        const QString oneCard = QStringLiteral(
            " 0 [PCH            ]: HDA-Intel - HDA Intel PCH\n"
            "                      HDA Intel PCH at 0xf7f10000 irq 32\n");
        QVERIFY(!engine::judgeSystemAudio(noCards, {}).available);
        QVERIFY(!engine::judgeSystemAudio(QString(), {}).available);
        QVERIFY(!engine::judgeSystemAudio(noCards, {}).reason.isEmpty());
        QVERIFY(engine::judgeSystemAudio(oneCard, {}).available);
        QVERIFY(engine::judgeSystemAudio(noCards, {QStringLiteral("/run/user/1000/pulse/native")})
                    .available);
    }

    void audioModeChoice() {
        const engine::SystemAudioProbe none{false, QStringLiteral("no sound card")};
        const engine::SystemAudioProbe some{};
        QCOMPARE(engine::chooseAudioMode({}, some).mode, engine::AudioMode::System);
        QVERIFY(engine::chooseAudioMode({}, some).notice.isEmpty());
        QCOMPARE(engine::chooseAudioMode(QStringLiteral("auto"), none).mode,
                 engine::AudioMode::Headless);
        QVERIFY(engine::chooseAudioMode({}, none).notice.contains(QLatin1String("no sound card")));
        QCOMPARE(engine::chooseAudioMode(QStringLiteral("Headless"), some).mode,
                 engine::AudioMode::Headless);
        QCOMPARE(engine::chooseAudioMode(QStringLiteral("system"), none).mode,
                 engine::AudioMode::System);
        const engine::AudioModeChoice typo =
            engine::chooseAudioMode(QStringLiteral("hedless"), some);
        QCOMPARE(typo.mode, engine::AudioMode::System);
        QVERIFY(typo.notice.contains(QLatin1String("hedless")));
    }

    // The line baresip 1.0.0 prints (with its colour codes) before closing the call.
    void audioFailureLine() {
        QCOMPARE(engine::audioFailureIn(QStringLiteral(
                     "\x1b[31malsa: could not open auplay device 'default' (No such file or "
                     "directory)")),
                 QStringLiteral(
                     "alsa: could not open auplay device 'default' (No such file or directory)"));
        QCOMPARE(
            engine::audioFailureIn(QStringLiteral(
                "[31malsa: could not open ausrc device 'hw:1' (Device or resource busy)")),
            QStringLiteral("alsa: could not open ausrc device 'hw:1' (Device or resource busy)"));
        QVERIFY(engine::audioFailureIn(QStringLiteral("audio: start_player failed")).isEmpty());
        QVERIFY(engine::audioFailureIn(QStringLiteral("Call established")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(EngineConfigTest)
#include "tst_engine_config.moc"
