import io

from PIL import Image

from cooperatives.demo.images import draw_picture


def test_demo_picture_is_a_jpeg_of_the_requested_size():
    data = draw_picture(seed="argan", colour="#c98a2b", caption="Argan oil", size=(400, 300))
    image = Image.open(io.BytesIO(data))
    assert image.format == "JPEG"
    assert image.size == (400, 300)


def test_demo_picture_is_the_same_for_the_same_seed_and_differs_otherwise():
    first = draw_picture(seed="saffron", colour="#b3261e", caption="Saffron", size=(200, 150))
    again = draw_picture(seed="saffron", colour="#b3261e", caption="Saffron", size=(200, 150))
    other = draw_picture(seed="honey", colour="#b3261e", caption="Saffron", size=(200, 150))
    assert first == again
    assert first != other
