#!/usr/bin/env bash
# Regenerates Bundle-ClassPath and Export-Package of META-INF/MANIFEST.MF from the jars in lib/
# (run after changing the dependencies in pom.xml and `../../mvnw generate-resources`).
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
ex = ',\n '.join(sorted(pkgs))
head = """Manifest-Version: 1.0
Bundle-ManifestVersion: 2
Bundle-Name: Phenoloc libraries (DL4J, ND4J, picocli, commons-csv, TwelveMonkeys ImageIO)
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
"""
open('META-INF/MANIFEST.MF', 'w').write(head + 'Bundle-ClassPath: ' + cp + '\nExport-Package: ' + ex + '\n')
print(len(jars), 'jars,', len(pkgs), 'packages')
PY
