"""Believable demo cooperatives and their products, in French, Arabic and English.

Written in three parts by region (south, centre, north); this module puts them together.
"""

from cooperatives.demo.data_part_a import COOPERATIVES_PART_A
from cooperatives.demo.data_part_b import COOPERATIVES_PART_B
from cooperatives.demo.data_part_c import COOPERATIVES_PART_C

COOPERATIVES: list[dict] = [*COOPERATIVES_PART_A, *COOPERATIVES_PART_B, *COOPERATIVES_PART_C]
