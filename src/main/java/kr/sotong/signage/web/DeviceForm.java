package kr.sotong.signage.web;

import java.util.List;
import kr.sotong.signage.device.Device;
import kr.sotong.signage.device.DeviceAttributes;
import kr.sotong.signage.device.DeviceKind;
import kr.sotong.signage.device.Orientation;

/** The device form as typed (strings; parsed with Korean messages). */
public record DeviceForm(String code, String name, String kind, String building, String place, String dong, String orientation,
                  String width, String height, String groups, String tags, String note) {

    /** 금천구 행정동. */
    static final List<String> DONGS = List.of("가산동", "독산1동", "독산2동", "독산3동", "독산4동", "시흥1동", "시흥2동", "시흥3동",
            "시흥4동", "시흥5동");

    static DeviceForm empty() {
        return new DeviceForm("", "", DeviceKind.MEDIA_BOARD.name(), "", "", "", Orientation.PORTRAIT.name(), "1080", "1920",
                "", "", "");
    }

    static DeviceForm of(Device d) {
        return new DeviceForm(d.code(), d.name(), d.kind().name(), d.building(), d.place(), d.dong(), d.orientation().name(),
                String.valueOf(d.width()), String.valueOf(d.height()), String.join(", ", d.groups()),
                String.join(", ", d.tags()), d.note());
    }

    DeviceAttributes attributes() {
        return new DeviceAttributes(name, Forms.choice(DeviceKind.class, kind, "기기 종류"), building, place, dong,
                Forms.choice(Orientation.class, orientation, "화면 방향"), Forms.integer(width, "가로 해상도", 64, 16384, null),
                Forms.integer(height, "세로 해상도", 64, 16384, null), DeviceAttributes.split(groups),
                DeviceAttributes.split(tags), note);
    }
}
