package org.is3.core.formats;

import java.util.List;
import org.is3.core.InputException;

/**
 * What an uploaded archive may contain. Applied to the central directory before anything is read:
 * names must be relative and stay inside the archive, no links, no encryption, only stored or
 * deflated members, and the declared sizes must respect {@link PredictionSource.Limits}.
 */
final class ArchiveRules {
    private ArchiveRules() {
    }

    static void checkAll(List<ZipCentralDirectory.Entry> entries, PredictionSource.Limits limits, String source) {
        long total = 0;
        for (ZipCentralDirectory.Entry e : entries) {
            checkName(e.name(), source);
            if (e.isSymlink()) {
                throw refuse(source, e, "is a symbolic link; links are not accepted");
            }
            if (e.isDirectory()) {
                continue;
            }
            if (e.isEncrypted()) {
                throw refuse(source, e, "is encrypted; encrypted archives are not accepted");
            }
            if (e.method() != ArchiveSource.STORED && e.method() != ArchiveSource.DEFLATED) {
                throw refuse(source, e, "uses compression method " + e.method()
                        + "; only stored (0) and deflated (8) members are accepted");
            }
            if (e.method() == ArchiveSource.STORED && e.compressedSize() != e.size()) {
                throw ZipCentralDirectory.corrupt(source, "stored entry '" + e.name() + "' declares " + e.size()
                        + " bytes but occupies " + e.compressedSize());
            }
            if (e.size() > Integer.MAX_VALUE - 8) {
                throw refuse(source, e, "declares " + e.size() + " bytes; members over 2 GiB are not accepted");
            }
            checkRatio(e, limits, source);
            total += e.size();
            if (total > limits.maxTotalBytes()) {
                throw new InputException(source + ": members declare more than " + limits.maxTotalBytes()
                        + " uncompressed bytes in total (limit reached at entry '" + e.name() + "'; zip bomb?)");
            }
        }
    }

    private static void checkRatio(ZipCentralDirectory.Entry e, PredictionSource.Limits limits, String source) {
        if (e.method() == ArchiveSource.DEFLATED && e.size() >= limits.ratioCheckMinBytes()
                && e.size() > limits.maxCompressionRatio() * e.compressedSize()) {
            throw refuse(source, e, "declares " + e.size() + " bytes from " + e.compressedSize()
                    + " compressed, a ratio above " + limits.maxCompressionRatio() + ":1 (zip bomb?)");
        }
    }

    /** Refuses absolute names, drive letters, {@code ..} segments and NUL characters. */
    static void checkName(String name, String source) {
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || (n.length() >= 2 && n.charAt(1) == ':')) {
            throw new InputException(source + ": entry '" + name + "' has an absolute path; only relative names are accepted");
        }
        if (n.indexOf('\0') >= 0) {
            throw new InputException(source + ": entry '" + name + "' has a NUL character in its name");
        }
        for (String segment : n.split("/", -1)) {
            if (segment.equals("..")) {
                throw new InputException(source + ": entry '" + name + "' has a '..' path segment; names must stay inside the archive");
            }
        }
    }

    /**
     * The sample id of a member ({@code dir/abc.npy} → {@code abc}), or null for members that are
     * skipped: directories, macOS metadata ({@code __MACOSX/}, {@code ._*}) and other hidden files.
     */
    static String sampleId(ZipCentralDirectory.Entry e, String source) {
        if (e.isDirectory()) {
            return null;
        }
        String n = e.name().replace('\\', '/');
        String last = n.substring(n.lastIndexOf('/') + 1);
        if (n.startsWith("__MACOSX/") || n.contains("/__MACOSX/") || last.startsWith(".")) {
            return null;
        }
        if (!last.endsWith(".npy")) {
            throw refuse(source, e, "is not an .npy file; the archive must hold only <id>.npy members");
        }
        return last.substring(0, last.length() - 4);
    }

    private static InputException refuse(String source, ZipCentralDirectory.Entry e, String what) {
        return new InputException(source + ": entry '" + e.name() + "' " + what);
    }
}
