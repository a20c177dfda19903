"""Times libpysal Queen.from_dataframe on a GeoJSON of polygons (the step only, not
reading the file or making shapes). geopandas is not packaged in Debian, so the
frame is a plain pandas DataFrame of libpysal.cg shapes, which from_dataframe accepts.
Prints one JSON line: {"n", "links", "islands", "steps": [{"step", "ms"}]}.
Usage: /usr/bin/python3 time-libpysal.py <polygons.geojson>
"""
import json
import sys
import time
import warnings

warnings.filterwarnings("ignore")

import libpysal  # noqa: E402
import pandas  # noqa: E402
from libpysal.cg import asShape  # noqa: E402
from libpysal.weights import Queen  # noqa: E402

with open(sys.argv[1]) as f:
    features = json.load(f)["features"]
frame = pandas.DataFrame(
    {"code": [f["properties"]["code"] for f in features], "geometry": [asShape(f["geometry"]) for f in features]}
)
t0 = time.perf_counter()
w = Queen.from_dataframe(frame, geom_col="geometry", idVariable="code")
ms = (time.perf_counter() - t0) * 1000
print(
    json.dumps(
        {
            "tool": "Python %s libpysal %s" % (sys.version.split()[0], libpysal.__version__),
            "n": w.n,
            "links": int(sum(w.cardinalities.values())),
            "islands": len(w.islands),
            "steps": [{"step": "Queen.from_dataframe", "ms": ms}],
        }
    )
)
