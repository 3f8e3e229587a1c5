package org.switchboard.core.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who is on which phone: extensions (rooms and staff), departments and trunks, from the PBX
 * administrator's configuration. Immutable.
 */
public record Directory(Map<String, Extension> extensions, Map<String, Department> departments, List<Trunk> trunks) {

    public Directory {
        extensions = Map.copyOf(extensions);
        departments = Map.copyOf(departments);
        trunks = List.copyOf(trunks);
    }

    public Optional<Extension> extension(String number) {
        return number == null ? Optional.empty() : Optional.ofNullable(extensions.get(number));
    }

    public Optional<Trunk> trunkForChannel(String channel) {
        String device = deviceOf(channel);
        return trunks.stream().filter(t -> t.device().equalsIgnoreCase(device)).findFirst();
    }

    /** {@code SIP/101-0000000a} → {@code SIP/101}; a name without a sequence suffix is returned as is. */
    public static String deviceOf(String channel) {
        if (channel == null) {
            return "";
        }
        int dash = channel.lastIndexOf('-');
        return dash > channel.indexOf('/') && dash > 0 ? channel.substring(0, dash) : channel;
    }

    /** {@code SIP/101-0000000a} → {@code 101}: the resource part of the device. */
    public static String extensionOf(String channel) {
        String device = deviceOf(channel);
        int slash = device.indexOf('/');
        return slash >= 0 ? device.substring(slash + 1) : device;
    }
}
