package dev.ferry.runtime.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.ferry.source.endpoint.Engine;

class SourcePositionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void mariaDbComparesSequencesPerDomain() {
        assertThat(SourcePosition.mariaDbContains("0-1-10,1-2-5", "0-1-10")).isTrue();
        assertThat(SourcePosition.mariaDbContains("0-1-9", "0-1-10")).isFalse();
        assertThat(SourcePosition.mariaDbContains("0-1-12", "0-1-10,1-1-1")).isFalse();
        assertThat(SourcePosition.mariaDbContains("0-1-12,0-2-3", "0-2-11")).isTrue();
    }

    @Test
    void mySqlNeedsEveryIntervalContained() {
        String uuid = "3E11FA47-71CA-11E1-9E33-C80AA9429562";
        assertThat(SourcePosition.mySqlContains(uuid + ":1-20", uuid.toLowerCase() + ":1-20")).isTrue();
        assertThat(SourcePosition.mySqlContains(uuid + ":1-19", uuid + ":1-20")).isFalse();
        assertThat(SourcePosition.mySqlContains(uuid + ":1-5:7-9", uuid + ":7")).isTrue();
        assertThat(SourcePosition.mySqlContains(uuid + ":1-5", uuid + ":1-5,aaaa:1")).isFalse();
    }

    @Test
    void offsetsPassPositions() throws Exception {
        var maria = new SourcePosition(Engine.MARIADB, "0-1-7", null, 0, 0);
        assertThat(maria.passedBy(JSON.readTree("{\"gtids\":\"0-1-7\",\"file\":\"b.000001\",\"pos\":4}"))).isTrue();
        assertThat(maria.passedBy(JSON.readTree("{\"gtids\":\"0-1-6\"}"))).isFalse();
        assertThat(maria.passedBy(null)).isFalse();
        assertThat(new SourcePosition(Engine.MARIADB, "", null, 0, 0).passedBy(null)).isTrue();

        var file = new SourcePosition(Engine.MYSQL, null, "binlog.000010", 500, 0);
        assertThat(file.passedBy(JSON.readTree("{\"file\":\"binlog.000011\",\"pos\":4}"))).isTrue();
        assertThat(file.passedBy(JSON.readTree("{\"file\":\"binlog.000010\",\"pos\":499}"))).isFalse();
        assertThat(file.passedBy(JSON.readTree("{\"file\":\"binlog.000009\",\"pos\":900}"))).isFalse();

        long lsn = SourcePosition.parseLsn("1/16B3748");
        assertThat(SourcePosition.formatLsn(lsn)).isEqualTo("1/16B3748");
        var pg = new SourcePosition(Engine.POSTGRES, null, null, 0, lsn);
        assertThat(pg.passedBy(JSON.readTree("{\"lsn\":" + lsn + "}"))).isTrue();
        assertThat(pg.passedBy(JSON.readTree("{\"lsn\":" + (lsn - 1) + "}"))).isFalse();
    }
}
