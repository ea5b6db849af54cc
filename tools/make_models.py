#!/usr/bin/env python3
"""Writes the decor models in assets/models/ as self-contained glTF 2.0 files.

Our own small modelling tool: each model is built from lathe-turned profiles (pots, vases,
shades) and low-poly blobs (foliage), in metres, Y up, standing on the origin with the front
towards +Z (the glTF convention; the planner turns models to face the room).

Run from the repository root: python3 tools/make_models.py
"""
import base64
import json
import math
import struct
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "assets" / "models"


def lathe(profile, segments, y_offset=0.0):
    """Revolves (radius, height) points around Y; returns positions, normals, indices."""
    positions, normals, indices = [], [], []
    rings = len(profile)
    for ring, (radius, height) in enumerate(profile):
        # Profile tangent for the normal.
        r0, h0 = profile[max(ring - 1, 0)]
        r1, h1 = profile[min(ring + 1, rings - 1)]
        tangent_r, tangent_h = r1 - r0, h1 - h0
        length = math.hypot(tangent_r, tangent_h) or 1.0
        normal_r, normal_h = tangent_h / length, -tangent_r / length
        for step in range(segments + 1):
            angle = 2.0 * math.pi * step / segments
            c, s = math.cos(angle), math.sin(angle)
            positions.append((radius * c, height + y_offset, radius * s))
            normals.append((normal_r * c, normal_h, normal_r * s))
    for ring in range(rings - 1):
        for step in range(segments):
            a = ring * (segments + 1) + step
            b = a + segments + 1
            indices += [a, b, a + 1, b, b + 1, a + 1]
    return positions, normals, indices


def blob(centre, radii, detail=10):
    """A UV sphere scaled per axis (leaves, cushions)."""
    positions, normals, indices = [], [], []
    cx, cy, cz = centre
    rx, ry, rz = radii
    for lat in range(detail + 1):
        theta = math.pi * lat / detail
        for lon in range(detail * 2 + 1):
            phi = 2.0 * math.pi * lon / (detail * 2)
            x, y, z = math.sin(theta) * math.cos(phi), math.cos(theta), math.sin(theta) * math.sin(phi)
            positions.append((cx + rx * x, cy + ry * y, cz + rz * z))
            n = (x / rx, y / ry, z / rz)
            length = math.sqrt(sum(v * v for v in n)) or 1.0
            normals.append(tuple(v / length for v in n))
    width = detail * 2 + 1
    for lat in range(detail):
        for lon in range(detail * 2):
            a = lat * width + lon
            b = a + width
            indices += [a, a + 1, b, a + 1, b + 1, b]
    return positions, normals, indices


class Builder:
    """Collects primitives into one glTF document with an embedded buffer."""

    def __init__(self, name):
        self.name = name
        self.buffer = bytearray()
        self.views, self.accessors, self.meshes, self.materials, self.nodes = [], [], [], [], []

    def material(self, name, rgb, roughness=0.8, metallic=0.0):
        self.materials.append({
            "name": name,
            "pbrMetallicRoughness": {
                "baseColorFactor": [c / 255.0 for c in rgb] + [1.0],
                "metallicFactor": metallic,
                "roughnessFactor": roughness,
            },
        })
        return len(self.materials) - 1

    def _view(self, data, target):
        while len(self.buffer) % 4:
            self.buffer.append(0)
        offset = len(self.buffer)
        self.buffer += data
        self.views.append({"buffer": 0, "byteOffset": offset, "byteLength": len(data), "target": target})
        return len(self.views) - 1

    def part(self, name, mesh, material):
        positions, normals, indices = mesh
        pos_view = self._view(b"".join(struct.pack("<3f", *p) for p in positions), 34962)
        low = [min(p[i] for p in positions) for i in range(3)]
        high = [max(p[i] for p in positions) for i in range(3)]
        self.accessors.append({"bufferView": pos_view, "componentType": 5126, "count": len(positions),
                               "type": "VEC3", "min": low, "max": high})
        pos_accessor = len(self.accessors) - 1
        normal_view = self._view(b"".join(struct.pack("<3f", *n) for n in normals), 34962)
        self.accessors.append({"bufferView": normal_view, "componentType": 5126, "count": len(normals), "type": "VEC3"})
        normal_accessor = len(self.accessors) - 1
        index_view = self._view(b"".join(struct.pack("<I", i) for i in indices), 34963)
        self.accessors.append({"bufferView": index_view, "componentType": 5125, "count": len(indices), "type": "SCALAR"})
        index_accessor = len(self.accessors) - 1
        self.meshes.append({"name": name, "primitives": [{
            "attributes": {"POSITION": pos_accessor, "NORMAL": normal_accessor},
            "indices": index_accessor, "material": material}]})
        self.nodes.append({"name": name, "mesh": len(self.meshes) - 1})

    def write(self):
        document = {
            "asset": {"version": "2.0", "generator": "Room Planner tools/make_models.py"},
            "scene": 0,
            "scenes": [{"name": self.name, "nodes": list(range(len(self.nodes)))}],
            "nodes": self.nodes,
            "meshes": self.meshes,
            "materials": self.materials,
            "accessors": self.accessors,
            "bufferViews": self.views,
            "buffers": [{
                "byteLength": len(self.buffer),
                "uri": "data:application/octet-stream;base64," + base64.b64encode(bytes(self.buffer)).decode("ascii"),
            }],
        }
        path = OUT / f"{self.name}.gltf"
        path.write_text(json.dumps(document, indent=1) + "\n")
        print(f"{path.relative_to(OUT.parent.parent)}: {len(self.buffer)} bytes of geometry")


def plant():
    model = Builder("plant-monstera")
    pot = model.material("terracotta", (176, 98, 64), 0.9)
    soil = model.material("soil", (58, 42, 30), 1.0)
    leaf = model.material("leaf", (46, 110, 58), 0.6)
    model.part("pot", lathe([(0.0, 0.0), (0.15, 0.0), (0.17, 0.05), (0.2, 0.36), (0.21, 0.38), (0.19, 0.38), (0.185, 0.35)], 32), pot)
    model.part("soil", lathe([(0.0, 0.345), (0.186, 0.345)], 32), soil)
    for index in range(7):
        angle = 2.0 * math.pi * index / 7 + 0.4
        reach = 0.12 + 0.06 * (index % 3)
        height = 0.62 + 0.11 * ((index * 5) % 4)
        centre = (reach * math.cos(angle), height, reach * math.sin(angle))
        model.part(f"leaf {index + 1}", blob(centre, (0.17, 0.07, 0.13)), leaf)
    model.part("crown", blob((0.0, 0.98, 0.0), (0.16, 0.16, 0.16)), leaf)
    model.write()


def vase():
    model = Builder("vase-tall")
    glaze = model.material("celadon glaze", (150, 178, 160), 0.35)
    model.part("vase", lathe([(0.0, 0.0), (0.07, 0.0), (0.09, 0.08), (0.1, 0.22), (0.06, 0.4), (0.045, 0.46), (0.06, 0.5), (0.052, 0.5), (0.04, 0.46)], 40), glaze)
    model.write()


def pouf():
    model = Builder("pouf-knit")
    knit = model.material("knitted wool", (196, 176, 150), 1.0)
    model.part("pouf", lathe([(0.0, 0.0), (0.2, 0.0), (0.25, 0.04), (0.27, 0.2), (0.25, 0.36), (0.2, 0.4), (0.0, 0.41)], 48), knit)
    model.write()


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    plant()
    vase()
    pouf()
