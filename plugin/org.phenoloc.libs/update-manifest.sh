#!/usr/bin/env bash
# Regenerates Bundle-ClassPath (from the jars in lib/) and Export-Package (from exported-packages.txt) of
# META-INF/MANIFEST.MF (run after changing the dependencies in pom.xml and `../../mvnw generate-resources`).
# Only the packages that org.phenoloc.engine and org.phenoloc.knime use are exported, and only to them (x-friends), so
# that the embedded slf4j, gson, commons etc. cannot capture other bundles' imports inside KNIME. List the packages
# again after changing the engine: jdeps -verbose:package -cp "lib/*" <engine and node classes> (see the README).
set -euo pipefail
cd "$(dirname "$0")"
python3 - <<'PY'
import zipfile, os
jars = sorted(f for f in os.listdir('lib') if f.endswith('.jar'))
pkgs = set()
for j in jars:
    with zipfile.ZipFile('lib/' + j) as z:
        for n in z.namelist():
            if n.endswith('.class') and '/' in n and not n.startswith('META-INF'):
                pkgs.add(n.rsplit('/', 1)[0].replace('/', '.'))
# our own shim (src/) lives in org.nd4j.nativeblas, already exported by nd4j-native
cp = ',\n '.join(['.'] + ['lib/' + j for j in jars])
exported = [l.strip() for l in open('exported-packages.txt') if l.strip() and not l.startswith('#')]
missing = [p for p in exported if p not in pkgs]
if missing:
    raise SystemExit('exported-packages.txt names packages no jar in lib/ has: ' + ', '.join(missing))
ex = ',\n '.join(p + ';x-friends:="org.phenoloc.engine,org.phenoloc.knime"' for p in exported)
head = """Manifest-Version: 1.0
Bundle-ManifestVersion: 2
Bundle-Name: Phenoloc libraries (DL4J, ND4J, picocli, commons-csv, TwelveMonkeys ImageIO, PngEncoder)
Bundle-SymbolicName: org.phenoloc.libs
Bundle-Version: 0.1.0.qualifier
Bundle-Vendor: Phenoloc
Bundle-RequiredExecutionEnvironment: JavaSE-17
Import-Package: javax.imageio,
 javax.imageio.event,
 javax.imageio.metadata,
 javax.imageio.plugins.jpeg,
 javax.imageio.spi,
 javax.imageio.stream,
 javax.xml.parsers;resolution:=optional,
 org.w3c.dom;resolution:=optional,
 org.xml.sax;resolution:=optional,
 sun.misc;resolution:=optional
Eclipse-BundleShape: dir
"""
open('META-INF/MANIFEST.MF', 'w').write(head + 'Bundle-ClassPath: ' + cp + '\nExport-Package: ' + ex + '\n')
print(len(jars), 'jars,', len(pkgs), 'packages,', len(exported), 'exported')
PY
