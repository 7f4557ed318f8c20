"""Same-run baseline for the throughput benchmark: the per-image work CleanVision does for the seven
properties, with Pillow and numpy on one core (decode, RGB brightness percentiles, entropy, 64-px
bicubic shrink + FIND_EDGES std, luma histogram std, size). CleanVision itself adds dataset and
bookkeeping overhead on top, so ratios against this are conservative.

Usage: python3 pillow-baseline.py DIR LIMIT   (prints one JSON line)
Needs Pillow and numpy (Debian: apt-get install python3-pil python3-numpy).
"""
import json
import os
import sys
import time
from io import BytesIO

import numpy as np
from PIL import Image, ImageFilter, ImageStat

PERCENTILES = [1, 5, 10, 15, 90, 95, 99]


def files_below(root, limit):
    found = []
    for folder, dirs, names in os.walk(root):
        dirs.sort()
        found.extend(os.path.join(folder, n) for n in sorted(names))
    return found[:limit]


def properties(image):
    pixels = np.asarray(image)
    if pixels.ndim == 3:
        r, g, b = (pixels[:, :, i].astype(np.int64) for i in range(3))
        brightness = np.sqrt(0.241 * r * r + 0.691 * g * g + 0.068 * b * b) / 255
    else:
        brightness = pixels / 255
    percentiles = np.percentile(brightness, PERCENTILES)
    entropy = image.entropy()
    width, height = image.size
    ratio = max(width, height) / 64
    small = image.resize((max(int(width // ratio), 1), max(int(height // ratio), 1)), Image.BICUBIC) if ratio > 1 else image
    luma = small.convert("L")
    blurriness = ImageStat.Stat(luma.filter(ImageFilter.FIND_EDGES)).stddev[0]
    gray_std = float(np.std(luma.histogram()))
    return percentiles, entropy, blurriness, gray_std, width, height


def main():
    root, limit = sys.argv[1], int(sys.argv[2])
    files = files_below(root, limit)
    for path in files[:10]:  # warm-up
        properties(Image.open(path).convert("RGB"))
    read = decode = measure = 0.0
    cpu = time.process_time()
    wall = time.perf_counter()
    for path in files:
        t0 = time.perf_counter()
        with open(path, "rb") as f:
            data = f.read()
        t1 = time.perf_counter()
        image = Image.open(BytesIO(data))
        image.load()
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        t2 = time.perf_counter()
        properties(image)
        t3 = time.perf_counter()
        read += t1 - t0
        decode += t2 - t1
        measure += t3 - t2
    wall = time.perf_counter() - wall
    cpu = time.process_time() - cpu
    n = len(files)
    print(json.dumps({
        "images": n,
        "imagesPerSecond": n / wall,
        "cpuMsPerImage": 1000 * cpu / n,
        "readMs": 1000 * read / n,
        "decodeMs": 1000 * decode / n,
        "propertiesMs": 1000 * measure / n,
        "pillow": Image.__version__,
        "numpy": np.__version__,
    }))


main()
